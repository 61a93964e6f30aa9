export * from './api.ts';
export * from './answers.ts';
export * from './content.ts';
export * from './hash.ts';
export * from './lesson-pack.ts';
export * from './quiz.ts';
export * from './sw-messages.ts';
