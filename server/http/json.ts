/** What every route shares: the error body and validated JSON request bodies. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { ApiError } from '../../protocol/api.ts';
import { receivedText } from './received-body.ts';

/** An error response: a stable machine code and an English sentence (the app translates codes). */
export function apiError(c: Context, status: ContentfulStatusCode, error: string, message: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error, message } satisfies ApiError, status);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Reads the JSON body and checks it against a schema; a 400 response otherwise. */
export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<Parsed<v.InferOutput<S>>> {
  let body: unknown;
  try {
    body = JSON.parse(receivedText(c));
  } catch {
    return { ok: false, response: apiError(c, 400, 'bad_json', 'The request body is not valid JSON.') };
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return {
      ok: false,
      response: apiError(
        c,
        400,
        'invalid_body',
        `The request body is invalid${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unknown problem'}.`,
      ),
    };
  }
  return { ok: true, value: result.output };
}
