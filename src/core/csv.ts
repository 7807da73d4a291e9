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

// ---------------------------------------------------------------------------------------------
// Reading CSV (RFC 4180, and what spreadsheets write): a byte-order mark, quoted cells with doubled
// quotes and line breaks inside, CRLF or LF, and the separator found on the header line (the
// comma, the semicolon of French spreadsheets, or a tab).

export type CsvRead =
  | { ok: true; separator: ',' | ';' | '\t'; header: string[]; rows: { line: number; cells: string[] }[] }
  | { ok: false; line: number; problem: 'quote' | 'empty' };

/** The separator of a header line: the one of , ; and tab found most often outside quotes. */
function separatorOf(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return (Object.entries(counts) as [',' | ';' | '\t', number][]).reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A CSV text as a header and rows, each row with the line it starts on (1 is the header's). Empty lines are skipped. */
export function parseCsv(source: string): CsvRead {
  const text = source.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trim() === '') return { ok: false, line: 1, problem: 'empty' };
  const separator = separatorOf(firstLine);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
      quoteLine = line;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { ok: false, line: quoteLine, problem: 'quote' };
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  const [header, ...rows] = records;
  if (!header) return { ok: false, line: 1, problem: 'empty' };
  return { ok: true, separator, header: header.cells.map((h) => h.trim()), rows };
}
