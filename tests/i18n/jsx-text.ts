// Finds words written straight into JSX: text between tags, and the attributes a person reads or
// hears (aria-label, title, alt, placeholder, label…). A regex scanner, as TypeScript 7 has no JS
// API: comments and template literals are blanked first; an expression in braces is code, not text.

export interface Found {
  line: number;
  text: string;
}

/** Attributes whose value is shown or spoken. */
const SPOKEN = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'alt', 'placeholder', 'label'];

const LETTER = /\p{L}{2,}/u;

/** Replaces comments with spaces, keeping line numbers (strings are left alone). */
export function blankComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < source.length) {
    const c = source[i] ?? '';
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote || (c === '\n' && quote !== '`')) quote = undefined;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') (out += ' '), i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

const lineOf = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** A JSX tag: `<name …>`, `</name>`, `<name … />` or a fragment, with braces (one level nested) in its attributes. */
const TAG = /<\/?(?:[A-Za-z][\w.-]*)?(?:\s(?:[^<>{}"']|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*)?\/?>/g;

export function hardCodedText(raw: string): Found[] {
  const source = blankComments(raw);
  const found: Found[] = [];
  const tags = [...source.matchAll(TAG)];
  for (let i = 0; i + 1 < tags.length; i++) {
    const a = tags[i];
    const b = tags[i + 1];
    if (!a || !b) continue;
    const start = (a.index ?? 0) + a[0].length;
    const gap = source.slice(start, b.index);
    // Code between two type arguments or comparisons is never bare words without these.
    if (/[;=(){}[\]`]/.test(gap) || !gap.trim()) continue;
    if (LETTER.test(gap)) found.push({ line: lineOf(source, start + gap.search(/\S/)), text: gap.trim() });
  }
  for (const tag of tags) {
    for (const m of tag[0].matchAll(/\s([\w-]+)=(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\})/g)) {
      const name = m[1] ?? '';
      const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
      if (SPOKEN.includes(name) && LETTER.test(value)) found.push({ line: lineOf(source, (tag.index ?? 0) + (m.index ?? 0)), text: `${name}="${value}"` });
    }
  }
  return found;
}
