/**
 * Creates a teacher account in the configured database (DATA_DIR or DATABASE_URL):
 *   npm run teacher:add -- --email prof@ecole.fr --name "Mme Rousseau"
 * The password is asked twice on a terminal, without echo; when stdin is not a
 * terminal (a script, a pipe) its first line is the password. It is never an
 * argument, so it stays out of shell history and the process list.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import { createTeacher } from '../roster.ts';
import { NameSchema } from '../../protocol/names.ts';

const MIN_PASSWORD = 10;

const ArgsSchema = v.object({
  email: v.pipe(
    v.string('--email is required'),
    v.trim(),
    v.toLowerCase(),
    v.email('--email must be an e-mail address'),
  ),
  name: v.pipe(v.string('--name is required'), NameSchema),
});

/** One line typed on the terminal with the echo off (raw mode: we see each key and print nothing). */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          done();
          return resolve(typed);
        }
        if (char === '\u0003') {
          done();
          return reject(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** The first line of stdin (a pipe or a file). */
async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await askHidden('Password: ');
  const second = await askHidden('Password again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const parsed = v.safeParse(ArgsSchema, values);
  if (!parsed.success)
    throw new Error(
      `${parsed.issues[0].message}\nusage: npm run teacher:add -- --email <e-mail> --name <name>`,
    );
  const { email, name } = parsed.output;

  const password = await readPassword();
  if (password.length < MIN_PASSWORD)
    throw new Error(`the password must have at least ${MIN_PASSWORD} characters`);

  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    const taken = await database.db
      .selectFrom('teachers')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken) throw new Error(`a teacher with the e-mail ${email} already exists`);
    await createTeacher(database.db, { name, email, password }, new Date());
    console.log(`Teacher ${name} <${email}> created; they can sign in now.`);
  } finally {
    await database.db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`teacher:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
