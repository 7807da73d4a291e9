// Opening hours in the OpenStreetMap `opening_hours` format (the format the national schema of
// digital-mediation places asks for in `horaires`), read into a week that a screen can put into
// words. Only the plain weekly part of the format is read here: days and day ranges, times and
// time ranges, `off`/`closed`, `24/7`, public holidays (`PH`) and a quoted comment. Anything else
// (months, weeks, school holidays, sunrise, open ends, fallback rules) gives `undefined`, and the
// value is then shown as written. tests/core/opening-hours.test.ts checks every week read here
// against opening_hours.js, the format's reference implementation (a test dependency only: 118 KB
// gzipped of holiday tables and locales would double what a kiosk caches).

/** Days, Monday first, as the format names them. */
export const WEEK_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** A time of day in minutes from midnight; an interval ends after it starts (24:00 is 1440). */
export interface TimeSpan {
  from: number;
  to: number;
}

export interface OpeningWeek {
  /** Monday first: the spans of each day, in order, none for a closed day. */
  days: TimeSpan[][];
  /** Public holidays: closed, open with their own spans, or not said. */
  holidays?: 'closed' | TimeSpan[];
  /** A quoted comment of the value ("sur rendez-vous"), in the language it was written in. */
  comment?: string;
}

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function minutes(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * 60 + Number(match[2]);
  return value <= 24 * 60 ? value : undefined;
}

function readSpans(text: string): TimeSpan[] | undefined {
  const spans: TimeSpan[] = [];
  for (const part of text.split(',')) {
    const [a, b, ...rest] = part.trim().split('-');
    if (a === undefined || b === undefined || rest.length) return undefined;
    const from = minutes(a.trim());
    const to = minutes(b.trim());
    // An interval past midnight, or empty, is left to the reference implementation's words.
    if (from === undefined || to === undefined || to <= from) return undefined;
    spans.push({ from, to });
  }
  spans.sort((x, y) => x.from - y.from);
  for (let i = 1; i < spans.length; i++) if ((spans[i]?.from ?? 0) < (spans[i - 1]?.to ?? 0)) return undefined;
  return spans;
}

/** `Mo-Fr,Su` → the day indexes; `PH` → 'PH'. Undefined for anything else. */
function readDays(text: string): { days: number[]; holidays: boolean } | undefined {
  const days = new Set<number>();
  let holidays = false;
  for (const part of text.split(',')) {
    if (part === 'PH') {
      holidays = true;
      continue;
    }
    const [a, b, ...rest] = part.split('-');
    const from = WEEK_DAYS.indexOf(a as WeekDay);
    if (from < 0 || rest.length) return undefined;
    if (b === undefined) {
      days.add(from);
      continue;
    }
    const to = WEEK_DAYS.indexOf(b as WeekDay);
    if (to < 0) return undefined;
    // A range may wrap round the week: Sa-Mo is Saturday, Sunday, Monday.
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return { days: [...days].sort((x, y) => x - y), holidays };
}

/**
 * Reads a value such as `Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off`. A later rule
 * replaces what an earlier one said of the days it names, as the format says. Undefined when the
 * value uses more of the format than this reads, or is not the format at all.
 */
export function readOpeningHours(value: string): OpeningWeek | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const week: OpeningWeek = { days: WEEK_DAYS.map(() => []) };
  const all: TimeSpan[] = [{ from: 0, to: 24 * 60 }];
  for (const raw of text.split(';')) {
    let rule = raw.trim();
    if (!rule) continue;
    // A trailing quoted comment, kept as written.
    const quoted = /^(.*?)\s*"([^"]*)"$/.exec(rule);
    if (quoted) {
      if (week.comment !== undefined) return undefined;
      week.comment = quoted[2]?.trim() || undefined;
      rule = quoted[1]?.trim() ?? '';
      if (!rule) continue;
    }
    const words = rule === '24/7' ? [] : rule.split(/\s+/);
    let selector: ReturnType<typeof readDays> = { days: WEEK_DAYS.map((_, i) => i), holidays: false };
    if (words[0] && /^(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/.test(words[0])) {
      selector = readDays(words.shift() ?? '');
      if (!selector) return undefined;
    }
    const rest = words.join(' ');
    let spans: TimeSpan[] | undefined;
    if (rest === 'off' || rest === 'closed') spans = [];
    else if (rest === '' || rest === 'open') spans = all;
    else spans = readSpans(rest);
    if (!spans) return undefined;
    for (const d of selector.days) week.days[d] = spans;
    if (selector.holidays) week.holidays = spans.length === 0 ? 'closed' : spans;
  }
  return week;
}
