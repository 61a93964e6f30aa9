/** The Markdown rules live in protocol/ so the teacher's editor previews with the same ones. */
export { markdownToContent } from '../../protocol/markdown.ts';
