import { toCsv, type CsvCell, type CsvSeparator } from './csv.ts';
import { DSI_OVERALL, type DsiOverall } from './dsi.ts';
import type { SessionMode } from './session-record.ts';
import { isoWeek, weekMonday, weekSunday, type TallyBook } from './tally.ts';
import type { AreaLevel, Outcome } from './types.ts';

// The observatory: anonymous aggregate figures over a period of ISO weeks. Its inputs are kiosk
// tallies and, of professional records, only the outcome, the mode and the date; never an answer,
// a code, a note or a time of day. Nothing leaves the device unless a professional exports the CSV.

export const OBSERVATORY_MODES: readonly SessionMode[] = ['kiosk', 'interview', 'workshop'];

/** One counted diagnostic (or `count` identical ones). */
export interface Observation {
  questionnaireId: string;
  mode: SessionMode;
  week: string;
  profile: string;
  areas: Record<string, AreaLevel | null>;
  flags: readonly string[];
  /** The DSI-style overall level (dsi.ts), when it was computed: professional records of a questionnaire that declares one. */
  dsi?: DsiOverall | undefined;
  count: number;
}

/** The DSI table's rows: the overall levels, then the diagnostics it was not computed for (kiosk tallies, which do not carry it). */
export type DsiRow = DsiOverall | 'not-computed';
export const DSI_ROWS: readonly DsiRow[] = [...DSI_OVERALL, 'not-computed'];

export interface Period {
  /** First and last ISO weeks, included ("2026-W40"). */
  from: string;
  to: string;
}

export type LevelOrNone = AreaLevel | 'none';
export const LEVELS_OR_NONE: readonly LevelOrNone[] = ['a-travailler', 'en-cours', 'acquis', 'none'];

export interface Figures {
  questionnaireId: string;
  period: Period;
  total: number;
  byProfile: [profile: string, count: number][];
  byAreaLevel: [area: string, counts: Record<LevelOrNone, number>][];
  byFlag: [flag: string, count: number][];
  byMode: [mode: SessionMode, count: number][];
  /** Every week of the period, in order, with zero for a week without any run. */
  byWeek: [week: string, count: number][];
  /** The DSI-style level, for a questionnaire that declares one (its `dsi` block); every level listed, zero included. */
  byDsi?: [level: DsiRow, count: number][];
}

/** Kiosk tallies as observations. */
export function observationsOfTallies(book: TallyBook): Observation[] {
  return book.tallies.map((t) => ({ questionnaireId: t.questionnaireId, mode: 'kiosk', week: t.week, profile: t.profile, areas: t.areas, flags: t.flags, count: t.count }));
}

/** What the observatory reads of a professional record: its outcome, its mode and its local date "YYYY-MM-DD". */
export function observationOfRecord(record: { questionnaireId: string; mode: SessionMode; date: string; outcome: Pick<Outcome, 'profile' | 'areas' | 'flags'>; dsi?: DsiOverall | undefined }): Observation {
  return {
    ...(record.dsi ? { dsi: record.dsi } : {}),
    questionnaireId: record.questionnaireId,
    mode: record.mode,
    week: isoWeek(record.date),
    profile: record.outcome.profile,
    areas: Object.fromEntries(record.outcome.areas.map((a) => [a.area, a.level])),
    flags: record.outcome.flags,
    count: 1,
  };
}

/** The ISO weeks from one to another, both included. */
export function weeksOf(period: Period): string[] {
  const weeks: string[] = [];
  if (period.from > period.to) return weeks;
  let monday = Date.parse(`${weekMonday(period.from)}T00:00:00Z`);
  for (let week = period.from; week <= period.to && weeks.length < 1000; ) {
    weeks.push(week);
    monday += 7 * 86_400_000;
    week = isoWeek(new Date(monday).toISOString().slice(0, 10));
  }
  return weeks;
}

/** What the observatory needs of a questionnaire: its id and the order of its profiles, areas and flags. */
export interface ObservedQuestionnaire {
  id: string;
  profiles: readonly string[];
  areas: readonly string[];
  flags: readonly string[];
  /** Present when the questionnaire declares a DSI-style level: the observatory then counts it. */
  dsi?: unknown;
}

/**
 * Counts the observations of one questionnaire within the period: per profile, per area and level,
 * per flag, per mode and per week. Profiles, areas and flags are listed in the questionnaire's
 * order, each with its count (zero included), so two periods line up. With `keepUnlisted`, those
 * of an older version that the current one no longer has follow, counted, never dropped.
 */
export function aggregate(observations: readonly Observation[], questionnaire: ObservedQuestionnaire, period: Period, { keepUnlisted = false }: { keepUnlisted?: boolean } = {}): Figures {
  const profiles = new Map<string, number>(questionnaire.profiles.map((p) => [p, 0]));
  const areas = new Map<string, Record<LevelOrNone, number>>(questionnaire.areas.map((a) => [a, { 'a-travailler': 0, 'en-cours': 0, acquis: 0, none: 0 }]));
  const flags = new Map<string, number>(questionnaire.flags.map((f) => [f, 0]));
  const modes = new Map<SessionMode, number>(OBSERVATORY_MODES.map((m) => [m, 0]));
  const weeks = new Map<string, number>(weeksOf(period).map((w) => [w, 0]));
  const dsi = new Map<DsiRow, number>(DSI_ROWS.map((l) => [l, 0]));
  let total = 0;
  for (const o of observations) {
    if (o.questionnaireId !== questionnaire.id || o.week < period.from || o.week > period.to) continue;
    const n = o.count;
    total += n;
    if (keepUnlisted || profiles.has(o.profile)) profiles.set(o.profile, (profiles.get(o.profile) ?? 0) + n);
    if (keepUnlisted) for (const area of Object.keys(o.areas)) if (!areas.has(area)) areas.set(area, { 'a-travailler': 0, 'en-cours': 0, acquis: 0, none: total - n });
    for (const [area, counts] of areas) {
      const level = o.areas[area] ?? 'none';
      counts[level] += n;
    }
    for (const flag of o.flags) if (keepUnlisted || flags.has(flag)) flags.set(flag, (flags.get(flag) ?? 0) + n);
    modes.set(o.mode, (modes.get(o.mode) ?? 0) + n);
    weeks.set(o.week, (weeks.get(o.week) ?? 0) + n);
    const level = o.dsi ?? 'not-computed';
    dsi.set(level, (dsi.get(level) ?? 0) + n);
  }
  return {
    questionnaireId: questionnaire.id,
    period,
    total,
    byProfile: [...profiles],
    byAreaLevel: [...areas],
    byFlag: [...flags],
    byMode: [...modes],
    byWeek: [...weeks],
    ...(questionnaire.dsi ? { byDsi: [...dsi] } : {}),
  };
}

/** How many diagnostics each questionnaire has within the period, in the order the questionnaires are given, then any other met. */
export function countByQuestionnaire(observations: readonly Observation[], questionnaireIds: readonly string[], period: Period): [questionnaireId: string, count: number][] {
  const counts = new Map<string, number>(questionnaireIds.map((id) => [id, 0]));
  for (const o of observations) {
    if (o.week < period.from || o.week > period.to) continue;
    counts.set(o.questionnaireId, (counts.get(o.questionnaireId) ?? 0) + o.count);
  }
  return [...counts];
}

// ---------------------------------------------------------------------------------------------
// Small cells. A published count between 1 and 4 could point at a person ("the one learner of
// week 12 who…"), so every table and chart meant for someone outside the structure shows it as
// suppressed, never as a number (and never as 0, which would be false). Zero is shown: it says
// nobody, which points at no one. When a table's total is shown too, one suppressed cell could be
// found again by subtraction, so a second cell is suppressed with it (the smallest other non-zero
// cell, then a zero if there is none): the usual primary and secondary suppression.

/** Counts below this (and above zero) are suppressed. */
export const SMALL_CELL_THRESHOLD = 5;

/** A count as published: the number, or `'suppressed'` for a small cell. */
export type PublishedCount = number | 'suppressed';

export function isSmallCell(count: number, threshold = SMALL_CELL_THRESHOLD): boolean {
  return count > 0 && count < threshold;
}

/** One count on its own (a total, a count of a group with no total shown beside it). */
export function suppressCount(count: number, threshold = SMALL_CELL_THRESHOLD): PublishedCount {
  return isSmallCell(count, threshold) ? 'suppressed' : count;
}

export interface SuppressOptions {
  threshold?: number;
  /**
   * True when the cells are the parts of a total published beside them (a profile table with its
   * total): a lone suppressed cell then takes a second one with it, so subtraction finds neither.
   * False for cells that overlap (flags: one diagnostic may carry several).
   */
  partsOfShownTotal?: boolean;
}

/**
 * The cells of one table, as published: small ones suppressed, plus a second one when a lone
 * suppressed cell could be found again from the total. Pure; the order of the cells is kept.
 */
export function suppressSmallCells(counts: readonly number[], options: SuppressOptions = {}): PublishedCount[] {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  const out: PublishedCount[] = counts.map((n) => suppressCount(n, threshold));
  if (!options.partsOfShownTotal) return out;
  const total = counts.reduce((sum, n) => sum + n, 0);
  // A suppressed total hides its parts' sum: no subtraction to guard against.
  if (isSmallCell(total, threshold)) return out;
  const suppressed = out.filter((c) => c === 'suppressed').length;
  if (suppressed !== 1) return out;
  let second = -1;
  for (let i = 0; i < counts.length; i++) {
    if (out[i] === 'suppressed') continue;
    const better = second < 0 || (counts[i]! > 0 && (counts[second] === 0 || counts[i]! < counts[second]!));
    if (better) second = i;
  }
  if (second >= 0) out[second] = 'suppressed';
  return out;
}

// ---------------------------------------------------------------------------------------------
// What is published: the figures with their small cells suppressed, for the screen, the printed
// report and the CSV alike.

/** One table as published: its rows (a key and the count as published) in order. */
export type PublishedTable<K extends string = string> = [key: K, count: PublishedCount][];

export interface PublishedFigures {
  questionnaireId: string;
  period: Period;
  /** From 1 to 4 diagnostics in the period: every count is suppressed, zeros too. */
  tooFew: boolean;
  total: PublishedCount;
  byProfile: PublishedTable;
  byAreaLevel: [area: string, counts: PublishedTable<LevelOrNone>][];
  byFlag: PublishedTable;
  byMode: PublishedTable<SessionMode>;
  /** Weeks, or months (by the month of each week's Thursday) when the period has more than 13 weeks. */
  series: { unit: 'week' | 'month'; rows: PublishedTable };
  /** Every week of the period, for the CSV (one row per week). */
  byWeek: PublishedTable;
  /** The DSI-style level, when the questionnaire declares one. */
  byDsi?: PublishedTable<DsiRow>;
}

/** Weeks up to this many are shown one by one; a longer period is shown by month. */
export const WEEKS_SHOWN = 13;

/** The month ("YYYY-MM") an ISO week belongs to: the month of its Thursday. */
export function monthOfWeek(week: string): string {
  return new Date(Date.parse(`${weekMonday(week)}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 7);
}

function publishTable<K extends string>(rows: readonly (readonly [K, number])[], tooFew: boolean, partsOfShownTotal: boolean): PublishedTable<K> {
  const published = tooFew ? rows.map((): PublishedCount => 'suppressed') : suppressSmallCells(rows.map(([, n]) => n), { partsOfShownTotal });
  return rows.map(([key], i) => [key, published[i] ?? 'suppressed']);
}

/**
 * The figures as anyone may read them. Profiles, each area's levels, modes and weeks are each a
 * share of the total shown: a second cell is suppressed with a lone small one. Flags overlap (one
 * diagnostic may carry several): their small cells only. Fewer than five diagnostics in all: every
 * count is suppressed, zeros included, as "nobody in the other profiles" would then point at them.
 */
export function publish(figures: Figures): PublishedFigures {
  const tooFew = isSmallCell(figures.total);
  const months = new Map<string, number>();
  for (const [week, n] of figures.byWeek) months.set(monthOfWeek(week), (months.get(monthOfWeek(week)) ?? 0) + n);
  const byMonth = figures.byWeek.length > WEEKS_SHOWN;
  return {
    questionnaireId: figures.questionnaireId,
    period: figures.period,
    tooFew,
    total: tooFew ? 'suppressed' : figures.total,
    byProfile: publishTable(figures.byProfile, tooFew, true),
    byAreaLevel: figures.byAreaLevel.map(([area, counts]) => [area, publishTable(LEVELS_OR_NONE.map((l) => [l, counts[l]] as const), tooFew, true)]),
    byFlag: publishTable(figures.byFlag, tooFew, false),
    byMode: publishTable(figures.byMode, tooFew, true),
    series: byMonth ? { unit: 'month', rows: publishTable([...months], tooFew, true) } : { unit: 'week', rows: publishTable(figures.byWeek, tooFew, true) },
    byWeek: publishTable(figures.byWeek, tooFew, true),
    ...(figures.byDsi ? { byDsi: publishTable(figures.byDsi, tooFew, true) } : {}),
  };
}

/** Words for the long CSV, in the professional's language. */
export interface LongCsvLabels {
  /** Header row: period start, period end, questionnaire, indicator, category, value, count, note. */
  headers: readonly [string, string, string, string, string, string, string, string];
  indicators: { total: string; profile: string; area: string; flag: string; mode: string; week: string; dsi: string };
  /** What a suppressed cell's note says ("masqué : moins de 5"). */
  suppressed: string;
  questionnaire: string;
  profile(id: string): string;
  area(id: string): string;
  level(level: LevelOrNone): string;
  flag(id: string): string;
  mode(mode: SessionMode): string;
  dsi(level: DsiRow): string;
}

/**
 * The published figures in long format, ready for a pivot table: a header row, then one row per
 * period × indicator × category × value. The period is whole ISO weeks, written as its first and
 * last days; a suppressed count is an empty cell with a note, never 0.
 */
export function observatoryLongCsv(published: PublishedFigures, labels: LongCsvLabels, separator: CsvSeparator = ';'): string {
  const start = weekMonday(published.period.from);
  const end = weekSunday(published.period.to);
  const rows: CsvCell[][] = [[...labels.headers]];
  const row = (indicator: string, category: string, value: string, count: PublishedCount) =>
    rows.push([start, end, labels.questionnaire, indicator, category, value, count === 'suppressed' ? '' : count, count === 'suppressed' ? labels.suppressed : '']);
  const i = labels.indicators;
  row(i.total, '', '', published.total);
  for (const [profile, n] of published.byProfile) row(i.profile, labels.profile(profile), '', n);
  for (const [area, levels] of published.byAreaLevel) for (const [level, n] of levels) row(i.area, labels.area(area), labels.level(level), n);
  for (const [flag, n] of published.byFlag) row(i.flag, labels.flag(flag), '', n);
  for (const [mode, n] of published.byMode) row(i.mode, labels.mode(mode), '', n);
  for (const [week, n] of published.byWeek) row(i.week, weekMonday(week), week, n);
  for (const [level, n] of published.byDsi ?? []) row(i.dsi, labels.dsi(level), '', n);
  return toCsv(rows, separator);
}
