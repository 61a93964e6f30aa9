/**
 * CSV for spreadsheets. French Excel splits columns on ";" (the comma is the
 * decimal separator there) and reads UTF-8 only after a byte-order mark, so
 * both are used. Cells a spreadsheet would run as a formula are neutralised.
 */

/** Excel reads the file as UTF-8 only with this mark in front. */
export const BOM = '\uFEFF';
export const SEPARATOR = ';';

/**
 * One cell: text starting like a formula (= + - @, or a tab or carriage return
 * that some spreadsheets skip) gets a leading apostrophe, as OWASP advises
 * against CSV injection; then quoted if it holds a separator, quote or newline.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, rows of cells, CRLF line ends (what Excel writes). */
export function csvDocument(rows: (string | number | boolean | null)[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join('\r\n') + '\r\n';
}
