/**
 * Fills the deployment templates in deploy/ ({{NAME}} placeholders) with this machine's values.
 * A placeholder left unfilled or a value never used is an error: the file that runs is the one
 * docs/DEPLOYMENT.md shows, nothing added on the side.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** deploy/ at the repository's root. */
export const DEPLOY_DIR = path.resolve(import.meta.dirname, '../../deploy');

/** Renders deploy/<template> into `to` with `values`; returns the path written. */
export function renderConfig(template: string, values: Record<string, string>, to: string): string {
  const text = readFileSync(path.join(DEPLOY_DIR, template), 'utf8');
  const unused = new Set(Object.keys(values));
  const rendered = text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${template}: no value for {{${name}}}`);
    unused.delete(name);
    return value;
  });
  if (unused.size > 0) throw new Error(`${template}: has no {{${[...unused].join('}}, {{')}}}`);
  writeFileSync(to, rendered);
  return to;
}
