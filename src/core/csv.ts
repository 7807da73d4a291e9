// CSV as RFC 4180 writes it: CRLF line ends, a cell holding the separator, a quote or a line break
// is quoted and its quotes doubled. The separator is ";" by default, as French spreadsheet software
// expects (the comma is its decimal mark); "," is there for other tools.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
// return) as a formula. Such a cell is written with a leading apostrophe, which the spreadsheet
// shows as text. Numbers are never prefixed: they are written from numbers, not from text.

export type CsvSeparator = ';' | ',';
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, separator: CsvSeparator = ';'): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The rows as one CSV text, each line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator: CsvSeparator = ';'): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator) + '\r\n').join('');
}
