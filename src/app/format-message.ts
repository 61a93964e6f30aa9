/**
 * Fills a message template, the one formatter for the pupil's and the teacher's dictionaries.
 * `{name}` is replaced by the value; `{n:leçon|leçons}` picks the singular or plural form by the
 * number in `n`, with the language's own rule (Intl.PluralRules: in French 0 and 1 are singular).
 */
const PLACEHOLDER = /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g;
const rules = new Map<string, Intl.PluralRules>();

function isSingular(count: number, language: string): boolean {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return rule.select(count) === 'one';
}

/** The template with its placeholders filled for `language` ('fr', 'en'). */
export function formatMessage(
  template: string,
  params: Record<string, string | number>,
  language: string,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, singular?: string, plural?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (singular === undefined) return String(value);
    return isSingular(Number(value), language) ? singular : (plural ?? '');
  });
}
