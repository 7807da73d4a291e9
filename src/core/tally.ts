import type { AreaLevel, Outcome } from './types.ts';

// Kiosk tallies: what the observatory may count of a kiosk run, and nothing more. A tally holds the
// questionnaire, the ISO week, the profile, each area's level and the context flags: no answer, no
// time of day, no id, no language. Identical tallies are merged into one with a count, so the book
// keeps no order of arrival either. A tally is not about a person: the kiosk wipe leaves it.
// Small on purpose: the kiosk loads it with import() when a result shows.
//
// Where they are kept: one book per ISO week, under `observatory.tallies.<week>`, and the list of
// those weeks under `observatory.tallies.weeks`. Counting a run reads and writes its week's book
// only, so its cost does not grow with the months behind it (a kiosk finishes a few hundred runs a
// week at most; one book for every week made each count read and write them all: 1.1 s at 50,000
// tallies in Node, 3.4 s in the browser). The book of earlier versions, one for every week under
// `observatory.tallies`, is still read and never written again.

import { TALLY_SETTING, TALLY_WEEKS_SETTING } from './setting-keys.ts';

export { TALLY_SETTING, TALLY_WEEKS_SETTING };

/** The setting that holds one week's book. */
export function tallyWeekSetting(week: string): string {
  return `${TALLY_SETTING}.${week}`;
}

export interface KioskTally {
  questionnaireId: string;
  /** The questionnaire's version (absent on tallies counted before versions were recorded). */
  questionnaireVersion?: string;
  /** ISO 8601 week, "2026-W48". */
  week: string;
  profile: string;
  /** Area id → level, null when the path did not measure it. */
  areas: Record<string, AreaLevel | null>;
  flags: string[];
  count: number;
}

export interface TallyBook {
  version: 1;
  tallies: KioskTally[];
}

export const EMPTY_TALLY_BOOK: TallyBook = { version: 1, tallies: [] };

const DAY = 86_400_000;

/** The ISO 8601 week of a calendar date "YYYY-MM-DD" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  // Records share few dates: a year of them has 366 at most, so the observatory computes each once.
  let week = weekCache.get(date);
  if (week === undefined) {
    week = computeIsoWeek(date);
    if (weekCache.size > 4096) weekCache.clear();
    weekCache.set(date, week);
  }
  return week;
}
const weekCache = new Map<string, string>();

function computeIsoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(time + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, "YYYY-MM-DD". */
export function weekMonday(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  return new Date(mondayOfWeek1 + (Number(match[2]) - 1) * 7 * DAY).toISOString().slice(0, 10);
}

/** The Sunday that ends an ISO week, "YYYY-MM-DD". */
export function weekSunday(week: string): string {
  return new Date(Date.parse(`${weekMonday(week)}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
}

/** The tally of one finished kiosk run, made on a local calendar date "YYYY-MM-DD". */
export function tallyOf(questionnaireId: string, outcome: Pick<Outcome, 'profile' | 'areas' | 'flags'>, date: string, questionnaireVersion?: string): KioskTally {
  return {
    questionnaireId,
    ...(questionnaireVersion === undefined ? {} : { questionnaireVersion }),
    week: isoWeek(date),
    profile: outcome.profile,
    areas: Object.fromEntries(outcome.areas.map((a) => [a.area, a.level])),
    flags: [...outcome.flags].sort(),
    count: 1,
  };
}

/** What makes two tallies the same (merged into one with a count): everything but the count. */
export function signature(t: KioskTally): string {
  const areas = Object.keys(t.areas)
    .sort()
    .map((a) => `${a}=${t.areas[a] ?? ''}`)
    .join(',');
  return `${t.questionnaireId}|${t.questionnaireVersion ?? ''}|${t.week}|${t.profile}|${areas}|${[...t.flags].sort().join(',')}`;
}

/** The book with one more tally (merged into an identical one when there is). */
export function addTally(book: TallyBook, tally: KioskTally): TallyBook {
  const key = signature(tally);
  let found = false;
  const tallies = book.tallies.map((t) => {
    if (found || signature(t) !== key) return t;
    found = true;
    return { ...t, count: t.count + tally.count };
  });
  if (!found) tallies.push({ ...tally });
  return { version: 1, tallies };
}

/** The book with one tally taken back (a run that went back from its result and ended again counts once). */
export function removeTally(book: TallyBook, tally: KioskTally): TallyBook {
  const key = signature(tally);
  const tallies = book.tallies.flatMap((t) => (signature(t) !== key ? [t] : t.count > tally.count ? [{ ...t, count: t.count - tally.count }] : []));
  return { version: 1, tallies };
}

const LEVELS: readonly (AreaLevel | null)[] = ['a-travailler', 'en-cours', 'acquis', null];

/** A stored book, checked: a malformed entry is dropped rather than counted wrong. */
export function readTallyBook(raw: unknown): TallyBook {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as TallyBook).tallies)) return EMPTY_TALLY_BOOK;
  const tallies = (raw as TallyBook).tallies.filter(
    (t): t is KioskTally =>
      !!t &&
      typeof t === 'object' &&
      typeof t.questionnaireId === 'string' &&
      (t.questionnaireVersion === undefined || typeof t.questionnaireVersion === 'string') &&
      typeof t.week === 'string' &&
      /^\d{4}-W\d{2}$/.test(t.week) &&
      typeof t.profile === 'string' &&
      Number.isInteger(t.count) &&
      t.count > 0 &&
      Array.isArray(t.flags) &&
      t.flags.every((f) => typeof f === 'string') &&
      !!t.areas &&
      typeof t.areas === 'object' &&
      Object.values(t.areas).every((l) => LEVELS.includes(l)),
  );
  return { version: 1, tallies };
}

const WEEK = /^\d{4}-W\d{2}$/;

/** The stored list of weeks that have a book, checked and sorted. */
export function readTallyWeeks(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((w): w is string => typeof w === 'string' && WEEK.test(w)))].sort();
}

/** Reads a stored value (a setting) by key. */
export type ReadSetting = (key: string) => Promise<unknown>;

/**
 * Every stored tally (within the weeks of a period, when one is given): the weekly books listed
 * under TALLY_WEEKS_SETTING and the single book of earlier versions. A tally in a week's book that
 * is not of that week is left out (it cannot have been written there).
 */
export async function loadTallies(get: ReadSetting, period?: { from: string; to: string }): Promise<TallyBook> {
  const inPeriod = (week: string) => !period || (week >= period.from && week <= period.to);
  const [legacy, weeks] = await Promise.all([get(TALLY_SETTING), get(TALLY_WEEKS_SETTING)]);
  const listed = readTallyWeeks(weeks).filter(inPeriod);
  const books = await Promise.all(listed.map((week) => get(tallyWeekSetting(week))));
  const tallies = readTallyBook(legacy).tallies.filter((t) => inPeriod(t.week));
  books.forEach((book, i) => tallies.push(...readTallyBook(book).tallies.filter((t) => t.week === listed[i])));
  return { version: 1, tallies };
}
