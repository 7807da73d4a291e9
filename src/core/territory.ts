import { toCsv, type CsvCell, type CsvSeparator } from './csv.ts';
import {
  aggregate,
  isSmallCell,
  LEVELS_OR_NONE,
  monthOfWeek,
  SMALL_CELL_THRESHOLD,
  suppressSmallCells,
  WEEKS_SHOWN,
  type Figures,
  type LevelOrNone,
  type Observation,
  type ObservedQuestionnaire,
  type Period,
  type PublishedCount,
  type PublishedTable,
} from './observatory.ts';
import { weekMonday, weekSunday } from './tally.ts';
import type { AreaLevel } from './types.ts';

// The territory observatory, the coordinator's side: the weekly tallies several structures' kiosks
// sent to the territory's database (src/core/territory-push.ts), read through the database's view
// (docs/couchdb-territory-design.json: one row per structure, week and tally, its counts summed by
// the server), counted per structure, profile, area and level, flag and week or month, and
// published with every count from 1 to 4 suppressed.
//
// Small cells across structures. The territory's figures are the sums of the structures' figures:
// a table per structure beside the territory's table is a grid with margins (the structures' totals
// on one side, the territory's counts on the other), and a suppressed cell could be found again by
// subtraction along its row or its column. So every line of the grid (a structure's row with its
// total, a category's column with the territory's count, the territory's row with its total) ends
// with no suppressed entry or with two at least: a lone one takes a second with it, the smallest
// other non-zero entry, then a zero (suppressSmallCells's rule, applied until no line has a lone
// one). Structures' totals are published once, for every table (suppressSmallCells over them with
// the territory's total), and a structure with 1 to 4 diagnostics shows none of its counts.

/** One row of the database's view: the summed count of one tally of one structure and week. */
export interface TerritoryCell {
  structure: string;
  week: string;
  questionnaireId: string;
  profile: string;
  areas: Record<string, AreaLevel | null>;
  flags: string[];
  count: number;
}

const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LEVELS: readonly (AreaLevel | null)[] = ['a-travailler', 'en-cours', 'acquis', null];
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

/** One view row, checked: key [week, structure, questionnaire, profile, [[area, level]…], [flag…]], value the count. */
function cellOf(row: unknown): TerritoryCell | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const { key, value } = row as { key?: unknown; value?: unknown };
  if (!Array.isArray(key) || key.length !== 6 || typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  const [week, structure, questionnaireId, profile, areas, flags] = key as unknown[];
  if (typeof week !== 'string' || !WEEK.test(week) || typeof structure !== 'string' || structure.trim() === '' || !isId(questionnaireId) || !isId(profile)) return undefined;
  if (!Array.isArray(areas) || !Array.isArray(flags) || !flags.every(isId)) return undefined;
  const levels: Record<string, AreaLevel | null> = {};
  for (const pair of areas) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isId(pair[0]) || !LEVELS.includes(pair[1] as AreaLevel | null)) return undefined;
    levels[pair[0]] = pair[1] as AreaLevel | null;
  }
  return { structure: structure.trim(), week, questionnaireId, profile, areas: levels, flags: [...(flags as string[])], count: value };
}

/**
 * The view's answer (`{ rows: [...] }` of `_view/cells?group=true`), or undefined when it is not
 * one. A row that does not read as a tally is left out and counted in `ignored`; a count the sums
 * left at zero or below (a run taken back) is left out too.
 */
export function readViewRows(body: unknown): { cells: TerritoryCell[]; ignored: number } | undefined {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { rows?: unknown }).rows)) return undefined;
  const cells: TerritoryCell[] = [];
  let ignored = 0;
  for (const row of (body as { rows: unknown[] }).rows) {
    const cell = cellOf(row);
    if (!cell) ignored++;
    else if (cell.count > 0) cells.push(cell);
  }
  return { cells, ignored };
}

/** The view's key range for a period of weeks (the key starts with the week). */
export function viewRange(period: Period): { startkey: string; endkey: string } {
  return { startkey: JSON.stringify([period.from]), endkey: JSON.stringify([period.to, {}]) };
}

export interface TerritoryFigures {
  questionnaireId: string;
  period: Period;
  /** Structures with at least one diagnostic of the questionnaire in the period, in alphabetical order. */
  structures: string[];
  all: Figures;
  /** One per structure, in the order of `structures`. */
  byStructure: Figures[];
}

const asObservation = (c: TerritoryCell): Observation => ({ questionnaireId: c.questionnaireId, mode: 'kiosk', week: c.week, profile: c.profile, areas: c.areas, flags: c.flags, count: c.count });

/** Counts the cells of one questionnaire within the period, for the territory and for each structure. */
export function territoryFigures(cells: readonly TerritoryCell[], questionnaire: ObservedQuestionnaire, period: Period): TerritoryFigures {
  const inside = cells.filter((c) => c.questionnaireId === questionnaire.id && c.week >= period.from && c.week <= period.to);
  const all = aggregate(inside.map(asObservation), questionnaire, period);
  const names = [...new Set(inside.map((c) => c.structure))].sort((a, b) => a.localeCompare(b, 'fr'));
  const byStructure = names.map((name) => aggregate(inside.filter((c) => c.structure === name).map(asObservation), questionnaire, period));
  const kept = names.map((name, i) => [name, byStructure[i]!] as const).filter(([, f]) => f.total > 0);
  return { questionnaireId: questionnaire.id, period, structures: kept.map(([name]) => name), all, byStructure: kept.map(([, f]) => f) };
}

// ---------------------------------------------------------------------------------------------
// The grid: structures × categories, with margins.

export interface Grid {
  /** One row per structure, one column per category. */
  cells: readonly (readonly number[])[];
  /** The territory's count of each category. */
  columnTotals: readonly number[];
}

export interface GridOptions {
  /** Each structure's total, as published once for every table (suppressSmallCells over them). */
  rowTotals: readonly PublishedCount[];
  /** The structures' raw totals (a structure of 1 to 4 diagnostics shows none of its counts). */
  rowCounts: readonly number[];
  /** The territory's total, as published. */
  total: PublishedCount;
  /** True when a row's categories add up to its total (profiles, an area's levels, weeks); false when they overlap (flags). */
  rowsArePartitions: boolean;
  threshold?: number;
}

export interface PublishedGrid {
  cells: PublishedCount[][];
  columnTotals: PublishedCount[];
}

/**
 * A structures × categories table with its margins, as published: small entries suppressed, a
 * whole row when its structure has 1 to 4 diagnostics, everything when the territory has, and a
 * second entry beside any lone suppressed one of a line, until no line has one.
 */
export function suppressGrid(grid: Grid, options: GridOptions): PublishedGrid {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  const rows = grid.cells.length;
  const columns = grid.columnTotals.length;
  // Entries: the cells row by row, then the column totals. Row totals and the total are fixed.
  const values = [...grid.cells.flatMap((row) => [...row]), ...grid.columnTotals];
  const cell = (i: number, j: number) => i * columns + j;
  const column = (j: number) => rows * columns + j;
  const all = options.total === 'suppressed';
  // One category that rows add up to: each cell is its structure's total, published as such.
  const mirror = options.rowsArePartitions && columns === 1;
  const hidden = values.map(
    (n, k) =>
      all ||
      (mirror && k < rows ? options.rowTotals[k] === 'suppressed' : isSmallCell(n, threshold)) ||
      (k < rows * columns && isSmallCell(options.rowCounts[Math.floor(k / columns)] ?? 0, threshold)),
  );
  const lines: { entries: number[]; fixedHidden: boolean }[] = [];
  for (let j = 0; j < columns; j++) lines.push({ entries: [...Array.from({ length: rows }, (_, i) => cell(i, j)), column(j)], fixedHidden: false });
  if (options.rowsArePartitions) {
    for (let i = 0; i < rows; i++) lines.push({ entries: Array.from({ length: columns }, (_, j) => cell(i, j)), fixedHidden: options.rowTotals[i] === 'suppressed' });
    lines.push({ entries: Array.from({ length: columns }, (_, j) => column(j)), fixedHidden: all });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const { entries, fixedHidden } of lines) {
      const count = entries.filter((k) => hidden[k]).length + (fixedHidden ? 1 : 0);
      if (count !== 1) continue;
      const shown = entries.filter((k) => !hidden[k]);
      const nonZero = shown.filter((k) => values[k]! > 0).sort((a, b) => values[a]! - values[b]! || a - b);
      const second = nonZero[0] ?? shown[0];
      if (second === undefined) continue;
      hidden[second] = true;
      changed = true;
    }
  }
  const published = values.map((n, k): PublishedCount => (hidden[k] ? 'suppressed' : n));
  return {
    cells: Array.from({ length: rows }, (_, i) => published.slice(i * columns, (i + 1) * columns)),
    columnTotals: published.slice(rows * columns),
  };
}

// ---------------------------------------------------------------------------------------------
// What is published: the territory's figures and each structure's, for the screen, the printed
// report and the CSV alike.

/** The figures of one scope: the territory (structure undefined) or one structure. */
export interface PublishedScope {
  structure?: string | undefined;
  /** From 1 to 4 diagnostics: every count is suppressed. */
  tooFew: boolean;
  total: PublishedCount;
  byProfile: PublishedTable;
  byAreaLevel: [area: string, counts: PublishedTable<LevelOrNone>][];
  byFlag: PublishedTable;
  /** Weeks, or months when the period has more than WEEKS_SHOWN weeks. */
  series: PublishedTable;
}

export interface PublishedTerritory {
  questionnaireId: string;
  period: Period;
  unit: 'week' | 'month';
  structures: string[];
  /** Each structure's total, in the order of `structures`. */
  byStructure: PublishedTable;
  territory: PublishedScope;
  /** One per structure, in the order of `structures`. */
  scopes: PublishedScope[];
}

/** A table per scope from one grid: the territory's from the column totals, each structure's from its row. */
function publishFamily<K extends string>(keys: readonly K[], counts: (f: Figures) => readonly number[], figures: TerritoryFigures, options: Omit<GridOptions, 'threshold'>) {
  const grid = suppressGrid({ cells: figures.byStructure.map(counts), columnTotals: counts(figures.all) }, options);
  const table = (row: readonly PublishedCount[]): PublishedTable<K> => keys.map((k, j) => [k, row[j] ?? 'suppressed']);
  return { territory: table(grid.columnTotals), structures: grid.cells.map(table) };
}

/** The weeks of the figures, or their months (by the month of each week's Thursday) for a long period. */
function seriesOf(figures: Figures, unit: 'week' | 'month'): [string, number][] {
  if (unit === 'week') return figures.byWeek;
  const months = new Map<string, number>();
  for (const [week, n] of figures.byWeek) months.set(monthOfWeek(week), (months.get(monthOfWeek(week)) ?? 0) + n);
  return [...months];
}

/** The figures as anyone may read them: the territory's and each structure's, cells under 5 suppressed along every line. */
export function publishTerritory(figures: TerritoryFigures): PublishedTerritory {
  const totals = figures.byStructure.map((f) => f.total);
  const tooFew = isSmallCell(figures.all.total);
  const total: PublishedCount = tooFew ? 'suppressed' : figures.all.total;
  const rowTotals = tooFew ? totals.map((): PublishedCount => 'suppressed') : suppressSmallCells(totals, { partsOfShownTotal: true });
  const base = { rowTotals, rowCounts: totals, total };
  const unit = figures.all.byWeek.length > WEEKS_SHOWN ? 'month' : 'week';

  const profiles = publishFamily(
    figures.all.byProfile.map(([p]) => p),
    (f) => f.byProfile.map(([, n]) => n),
    figures,
    { ...base, rowsArePartitions: true },
  );
  const areas = figures.all.byAreaLevel.map(([area], a) =>
    publishFamily(LEVELS_OR_NONE, (f) => LEVELS_OR_NONE.map((l) => f.byAreaLevel[a]![1][l]), figures, { ...base, rowsArePartitions: true }),
  );
  const flags = publishFamily(
    figures.all.byFlag.map(([f]) => f),
    (f) => f.byFlag.map(([, n]) => n),
    figures,
    { ...base, rowsArePartitions: false },
  );
  const series = publishFamily(
    seriesOf(figures.all, unit).map(([k]) => k),
    (f) => seriesOf(f, unit).map(([, n]) => n),
    figures,
    { ...base, rowsArePartitions: true },
  );
  const areaIds = figures.all.byAreaLevel.map(([area]) => area);
  const scope = (structure: string | undefined, i: number | undefined): PublishedScope => {
    const pick = <T>(family: { territory: T; structures: T[] }): T => (i === undefined ? family.territory : family.structures[i]!);
    const count = i === undefined ? figures.all.total : totals[i]!;
    return {
      structure,
      tooFew: tooFew || isSmallCell(count),
      total: i === undefined ? total : rowTotals[i]!,
      byProfile: pick(profiles),
      byAreaLevel: areaIds.map((area, a) => [area, pick(areas[a]!)]),
      byFlag: pick(flags),
      series: pick(series),
    };
  };
  return {
    questionnaireId: figures.questionnaireId,
    period: figures.period,
    unit,
    structures: figures.structures,
    byStructure: figures.structures.map((s, i) => [s, rowTotals[i]!]),
    territory: scope(undefined, undefined),
    scopes: figures.structures.map((s, i) => scope(s, i)),
  };
}

// ---------------------------------------------------------------------------------------------
// The long CSV: one row per scope × indicator × category × value.

/** Words for the territory's long CSV, in the coordinator's language. */
export interface TerritoryCsvLabels {
  /** Header row: period start, period end, questionnaire, structure, indicator, category, value, count, note. */
  headers: readonly [string, string, string, string, string, string, string, string, string];
  indicators: { total: string; profile: string; area: string; flag: string; week: string; month: string };
  /** The structure column of the territory's rows ("Tout le territoire"). */
  territory: string;
  /** What a suppressed cell's note says. */
  suppressed: string;
  questionnaire: string;
  profile(id: string): string;
  area(id: string): string;
  level(level: LevelOrNone): string;
  flag(id: string): string;
}

/**
 * The published figures in long format, ready for a pivot table: a header row, then the
 * territory's rows and each structure's (total, profiles, areas by level, flags, weeks or months).
 * A suppressed count is an empty cell with a note, never 0.
 */
export function territoryLongCsv(published: PublishedTerritory, labels: TerritoryCsvLabels, separator: CsvSeparator = ';'): string {
  const start = weekMonday(published.period.from);
  const end = weekSunday(published.period.to);
  const rows: CsvCell[][] = [[...labels.headers]];
  const i = labels.indicators;
  for (const scope of [published.territory, ...published.scopes]) {
    const where = scope.structure ?? labels.territory;
    const row = (indicator: string, category: string, value: string, count: PublishedCount) =>
      rows.push([start, end, labels.questionnaire, where, indicator, category, value, count === 'suppressed' ? '' : count, count === 'suppressed' ? labels.suppressed : '']);
    row(i.total, '', '', scope.total);
    for (const [profile, n] of scope.byProfile) row(i.profile, labels.profile(profile), '', n);
    for (const [area, levels] of scope.byAreaLevel) for (const [level, n] of levels) row(i.area, labels.area(area), labels.level(level), n);
    for (const [flag, n] of scope.byFlag) row(i.flag, labels.flag(flag), '', n);
    for (const [key, n] of scope.series) {
      if (published.unit === 'week') row(i.week, weekMonday(key), key, n);
      else row(i.month, key, '', n);
    }
  }
  return toCsv(rows, separator);
}
