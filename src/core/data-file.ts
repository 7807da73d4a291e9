import { describeValue, parseErrorDetail, suggest, type ProblemList } from './problems.ts';

// Small readers shared by the data files a structure imports (workshop catalogue, local places):
// each reports into a ProblemList and returns what it could read, so every problem shows at once.

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How large a data file may be (questionnaire, locale, settings, places): far beyond any real one
 * (the largest questionnaire weighs about 0.2 MB), small enough to be read at once; a bigger file
 * is a wrong file, refused before it is parsed.
 */
export const MAX_DATA_BYTES = 4 * 1024 * 1024;

/** A size for people: "62 Mo", "1 Mo", "800 ko". */
export const sizeForPeople = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} Mo` : `${Math.max(1, Math.round(bytes / 1024))} ko`);

/** A file's size in bytes once encoded in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}

/** Whether a file's text is over `max` bytes, reported as `file.too-large` with its size and the maximum. */
export function tooLarge(text: string, p: ProblemList, max = MAX_DATA_BYTES): boolean {
  // A character is at most 4 bytes: a text under a quarter of the maximum is never counted.
  const bytes = text.length > max / 4 ? utf8Length(text) : text.length;
  if (bytes <= max) return false;
  p.error('file.too-large', '$', { size: sizeForPeople(bytes), max: sizeForPeople(max) });
  return true;
}

/** The parsed JSON, or undefined with a `json.parse` problem naming the line and column (or `file.too-large`, unparsed, over `max` bytes). */
export function parseJson(text: string, p: ProblemList, max = MAX_DATA_BYTES): { value: unknown } | undefined {
  if (tooLarge(text, p, max)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const { line, column, detail } = parseErrorDetail(text, error);
    p.error('json.parse', '$', { line, column, detail });
    return undefined;
  }
}

/** Unknown keys: errors (or warnings, for files that carry fields of a wider standard). */
export function checkKeys(o: Obj, path: string, allowed: readonly string[], p: ProblemList, severity: 'error' | 'warning' = 'error'): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const params = { key, suggestion: suggest(key, allowed) ?? '', allowed: allowed.filter((k) => k !== '$schema').join(', ') };
    if (severity === 'error') p.error('key.unknown', `${path}.${key}`, params);
    else p.warn('key.unknown', `${path}.${key}`, params);
  }
}

/** A non-empty trimmed text; a required one that is missing is reported too. */
export function text(o: Obj, key: string, path: string, p: ProblemList, required: boolean): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) p.error('key.required', path, { key });
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    if (typeof v === 'string' && !required) return undefined;
    p.error('type.string', `${path}.${key}`, { actual: describeValue(v) });
    return undefined;
  }
  return v.trim();
}

/** A whole number within bounds. */
export function integer(o: Obj, key: string, path: string, p: ProblemList, range: { min: number; max: number }): number | undefined {
  const v = o[key];
  if (v === undefined) {
    p.error('key.required', path, { key });
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.error('type.number', `${path}.${key}`, { actual: describeValue(v) });
    return undefined;
  }
  if (v < range.min || v > range.max) {
    p.error('number.range', `${path}.${key}`, { value: v, ...range });
    return undefined;
  }
  return Math.round(v);
}

/**
 * A list of texts from a closed vocabulary. The list may be a JSON array or, as in the national
 * standard's CSV-born files, one text with the values separated by "|" or ";". A value of the
 * vocabulary followed by its long explanation ("Dans un atelier collectif : j'apprends…") is read
 * as that value. Unknown values are reported with the closest known one.
 */
export function vocabularyList<T extends string>(
  o: Obj,
  key: string,
  path: string,
  p: ProblemList,
  known: readonly T[],
  required: boolean,
): T[] {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    if (required) p.error('key.required', path, { key });
    return [];
  }
  let items: unknown[];
  if (typeof v === 'string') items = v.split(/[|;]/);
  else if (Array.isArray(v)) items = v;
  else {
    p.error('type.array', `${path}.${key}`, { actual: describeValue(v) });
    return [];
  }
  const out: T[] = [];
  items.forEach((item, i) => {
    const at = Array.isArray(v) ? `${path}.${key}[${i}]` : `${path}.${key}`;
    if (typeof item !== 'string' || item.trim() === '') {
      if (typeof item === 'string' && typeof v === 'string') return;
      p.error('type.string', at, { actual: describeValue(item) });
      return;
    }
    const value = normaliseTerm(item, known);
    if (value === undefined) {
      p.error('value.unknown', at, { value: item.trim(), field: key, known: known.join(' ; '), suggestion: suggest(item.trim(), known) ?? '' });
      return;
    }
    if (!out.includes(value)) out.push(value);
  });
  if (required && out.length === 0 && !p.items.some((x) => x.path.startsWith(`${path}.${key}`))) p.error('array.empty', `${path}.${key}`);
  return out;
}

function normaliseTerm<T extends string>(raw: string, known: readonly T[]): T | undefined {
  const value = raw.trim().replace(/\s+/g, ' ');
  const exact = known.find((k) => k === value) ?? known.find((k) => k.toLocaleLowerCase('fr') === value.toLocaleLowerCase('fr'));
  if (exact) return exact;
  return known.find((k) => value.startsWith(`${k} `) || value.startsWith(`${k}:`));
}

/** A plain list of distinct non-empty texts (free values). */
export function textList(o: Obj, key: string, path: string, p: ProblemList): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    p.error('type.array', `${path}.${key}`, { actual: describeValue(v) });
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') p.error('type.string', `${path}.${key}[${i}]`, { actual: describeValue(item) });
    else if (!out.includes(item.trim())) out.push(item.trim());
  });
  return out;
}

export { slug } from './problems.ts';
