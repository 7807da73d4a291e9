import { parseJson } from './data-file.ts';
import { checkShape, inFileOrder, unsoundPaths } from './formats/kit.ts';
import { CAPACITY_RANGE, catalogueFormat, DURATION_RANGE, MAX_WORKSHOPS, WORKSHOP_LEVELS, workshopFormat, type Workshop, type WorkshopFile, type WorkshopLevel } from './formats/workshops.ts';
import { ProblemList, slug, suggest, type Problem } from './problems.ts';
import { toCsv, type CsvCell, type CsvSeparator } from './csv.ts';
import type { AreaId, AreaLevel, Outcome, ProfileId, Questionnaire, StepDefinition } from './types.ts';
import * as v from 'valibot';

// A structure's workshop catalogue (edited in the app, imported and exported as JSON), the match
// from a result to workshops, and the group roster (learner code → workshop) with its CSV export.
// Pure: the catalogue and the roster are plain data; storing them is the UI's business. The file's
// format is declared once, in formats/workshops.ts.

export { CAPACITY_RANGE, DURATION_RANGE, MAX_WORKSHOPS, WORKSHOP_LEVELS, type Workshop, type WorkshopLevel };

export const CATALOGUE_FILE = 'ateliers.json';
/** The key under which the catalogue lives in the settings store (it is not personal data). */
export { CATALOGUE_SETTING } from './setting-keys.ts';
/** A catalogue file's size at most: far beyond MAX_WORKSHOPS workshops; a bigger file is not read (a 62 MB one took minutes to show). */
export const MAX_CATALOGUE_BYTES = 1024 * 1024;

export interface Catalogue {
  workshops: Workshop[];
}

export type CatalogueResult = { ok: true; catalogue: Catalogue; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** A sound workshop of a file as the app keeps it. */
function workshopOf(w: WorkshopFile): Workshop {
  const title = w.title.trim();
  return {
    id: w.id ?? slug(title),
    title,
    areas: [...new Set(w.areas)],
    level: w.level,
    durationMinutes: Math.round(w.durationMinutes),
    place: w.place?.trim() ?? '',
    schedule: w.schedule?.trim() ?? '',
    capacity: Math.round(w.capacity),
  };
}

/**
 * Reads a catalogue file: `{ "workshops": [ … ] }`. Areas must be areas of the questionnaire the
 * structure runs (`areas`); every problem is reported at once, with the JSON path and a fix.
 */
export function readCatalogue(source: string, context: { areas: readonly string[] }, file = CATALOGUE_FILE): CatalogueResult {
  const p = new ProblemList(file);
  const parsed = parseJson(source, p, MAX_CATALOGUE_BYTES);
  if (!parsed) return { ok: false, problems: p.items };
  p.items.push(...checkShape(catalogueFormat, parsed.value, file));
  const unsound = unsoundPaths(p.items);
  const root = parsed.value as { workshops?: unknown };
  const workshops: Workshop[] = [];
  const ids = new Set<string>();
  (Array.isArray(root.workshops) ? (root.workshops as unknown[]) : []).forEach((raw, i) => {
    const path = `$.workshops[${i}]`;
    if (typeof raw !== 'object' || raw === null) return;
    const item = raw as WorkshopFile;
    // What has the right shape is checked further, even when another key of the workshop is wrong.
    if (!unsound.has(`${path}.areas`)) {
      item.areas.forEach((area, j) => {
        if (!context.areas.includes(area)) p.error('reference.area', `${path}.areas[${j}]`, { id: area, known: context.areas.join(', '), suggestion: suggest(area, context.areas) ?? '' });
      });
    }
    if (unsound.has(path)) return;
    // A duplicate among sound workshops only: a broken one is fixed first, then compared.
    const workshop = workshopOf(item);
    if (ids.has(workshop.id)) p.error('id.duplicate', `${path}.id`, { id: workshop.id });
    ids.add(workshop.id);
    workshops.push(workshop);
  });
  const problems = inFileOrder(p.items, parsed.value);
  if (problems.some((x) => x.severity === 'error')) return { ok: false, problems };
  return { ok: true, catalogue: { workshops }, warnings: problems };
}

/** A catalogue as stored on the device (written by the app): its sound workshops, whatever the questionnaire. */
export function catalogueOf(stored: unknown): Catalogue {
  const list = typeof stored === 'object' && stored !== null ? (stored as { workshops?: unknown }).workshops : undefined;
  if (!Array.isArray(list)) return { workshops: [] };
  return { workshops: list.flatMap((item) => (v.is(workshopFormat, item) ? [workshopOf(item as WorkshopFile)] : [])) };
}

/** The catalogue as the file a structure keeps or shares (readCatalogue reads it back unchanged). */
export function catalogueJson(catalogue: Catalogue): string {
  return `${JSON.stringify({ workshops: catalogue.workshops }, null, 2)}\n`;
}

/** A fresh id for a workshop added in the app: from its title, unique in the catalogue. */
export function workshopId(title: string, catalogue: Catalogue): string {
  const base = slug(title);
  let id = base;
  for (let n = 2; catalogue.workshops.some((w) => w.id === id); n++) id = `${base}-${n}`;
  return id;
}

// ---------------------------------------------------------------------------------------------
// From a result to workshops

/** The workshop level that fits an area at this level: what is to work on starts at the beginning. */
export const LEVEL_FOR_AREA: Record<AreaLevel, WorkshopLevel> = { 'a-travailler': 'debutant', 'en-cours': 'intermediaire', acquis: 'avance' };
const AREA_NEED: Record<AreaLevel, number> = { 'a-travailler': 3, 'en-cours': 2, acquis: 0 };
const LEVEL_RANK: Record<WorkshopLevel, number> = { debutant: 0, intermediaire: 1, avance: 2 };

export interface WorkshopSuggestion {
  workshop: Workshop;
  /** Higher fits better; only workshops above 0 are suggested. */
  score: number;
  /** The weak areas of the result this workshop works on, weakest first. */
  areas: AreaId[];
  /** True when the workshop's level is the one those areas call for. */
  levelFits: boolean;
  /** Places left (capacity minus learners already assigned). */
  placesLeft: number;
  full: boolean;
}

/**
 * Workshops for a result, best first, full ones last (and marked). A workshop fits when it works on
 * an area the result left to work on (à travailler, then en cours), at the level that area calls for
 * (à travailler → débutant, en cours → intermédiaire, acquis → avancé), or one level below it as a
 * refresher (a beginners' workshop for an area en cours); never above it. The questionnaire's own workshop steps for
 * this result (with their areas and level) add weight to the catalogue workshops that match them.
 * A result with every area acquired gets the advanced workshops.
 */
export function suggestWorkshops(outcome: Outcome, questionnaire: Questionnaire, catalogue: Catalogue, assigned: ReadonlyMap<string, number> = new Map()): WorkshopSuggestion[] {
  const levelOf = new Map(outcome.areas.filter((a) => a.level !== null).map((a) => [a.area, a.level as AreaLevel]));
  const scoreOf = new Map(outcome.areas.map((a) => [a.area, a.score ?? 100]));
  const allAcquired = levelOf.size > 0 && [...levelOf.values()].every((l) => l === 'acquis');
  const steps = outcome.steps
    .map((id) => questionnaire.recommendations.steps.find((s) => s.id === id))
    .filter((s): s is StepDefinition => s !== undefined && s.kind === 'workshop');

  const out: WorkshopSuggestion[] = [];
  for (const workshop of catalogue.workshops) {
    let score = 0;
    let fits = true;
    const areas: AreaId[] = [];
    for (const area of workshop.areas) {
      const level = levelOf.get(area);
      if (!level) continue;
      const need = AREA_NEED[level] + (allAcquired ? 1 : 0);
      if (need === 0) continue;
      // Never above the level the area calls for; one below is a refresher, except for an acquired area.
      const gap = LEVEL_RANK[LEVEL_FOR_AREA[level]] - LEVEL_RANK[workshop.level];
      if (gap < 0 || gap >= 2 || (gap === 1 && level === 'acquis')) continue;
      areas.push(area);
      score += need + (gap === 0 ? 2 : 0);
      if (gap !== 0) fits = false;
    }
    if (areas.length === 0) continue;
    if (steps.some((s) => s.level === workshop.level && (s.areas ?? []).some((a) => workshop.areas.includes(a)))) score += 2;
    areas.sort((a, b) => (scoreOf.get(a) ?? 100) - (scoreOf.get(b) ?? 100));
    const placesLeft = Math.max(0, workshop.capacity - (assigned.get(workshop.id) ?? 0));
    out.push({ workshop, score, areas, levelFits: fits, placesLeft, full: placesLeft === 0 });
  }
  return out.sort((a, b) => Number(a.full) - Number(b.full) || b.score - a.score || a.workshop.title.localeCompare(b.workshop.title, 'fr'));
}

/** Areas of a result left to work on (à travailler, then en cours), weakest first. */
export function weakAreas(outcome: Pick<Outcome, 'areas'>): AreaId[] {
  return outcome.areas
    .filter((a) => a.level === 'a-travailler' || a.level === 'en-cours')
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => a.area);
}

// ---------------------------------------------------------------------------------------------
// The roster: which learner (by code, never a name) is placed in which workshop

export interface Roster {
  /** Learner code → workshop id. */
  assignments: Record<string, string>;
}

export const EMPTY_ROSTER: Roster = { assignments: {} };

/** Learners assigned to each workshop. */
export function assignedCounts(roster: Roster): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of Object.values(roster.assignments)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export type AssignResult = { ok: true; roster: Roster } | { ok: false; reason: 'unknown-workshop' | 'full' };

/** Places a learner in a workshop (moving them from another one), if it has a place left. */
export function assign(roster: Roster, code: string, workshopId: string, catalogue: Catalogue): AssignResult {
  const workshop = catalogue.workshops.find((w) => w.id === workshopId);
  if (!workshop) return { ok: false, reason: 'unknown-workshop' };
  if (roster.assignments[code] === workshopId) return { ok: true, roster };
  if ((assignedCounts(roster).get(workshopId) ?? 0) >= workshop.capacity) return { ok: false, reason: 'full' };
  return { ok: true, roster: { assignments: { ...roster.assignments, [code]: workshopId } } };
}

export function unassign(roster: Roster, code: string): Roster {
  const { [code]: _removed, ...rest } = roster.assignments;
  return { assignments: rest };
}

/** A learner of the group: a code and what their result says. */
export interface Learner {
  code: string;
  profile: ProfileId;
  weakAreas: AreaId[];
  /** When the diagnostic was made (YYYY-MM-DD). */
  date: string;
}

/** Words for the CSV, in the professional's language (the core writes no prose). */
export interface RosterLabels {
  headers: [code: string, date: string, profile: string, weakAreas: string, workshop: string, level: string, schedule: string, place: string];
  profile(id: ProfileId): string;
  area(id: AreaId): string;
  level(level: WorkshopLevel): string;
}

/**
 * The group roster as CSV: a header row, then one learner a line (code, date of the diagnostic,
 * profile, areas to work on, workshop, its level, schedule and place; the workshop cells empty when
 * the learner is not placed yet), in code order.
 */
export function rosterCsv(learners: readonly Learner[], roster: Roster, catalogue: Catalogue, labels: RosterLabels, separator: CsvSeparator = ';'): string {
  const rows: CsvCell[][] = [[...labels.headers]];
  const sorted = [...learners].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  for (const learner of sorted) {
    const workshop = catalogue.workshops.find((w) => w.id === roster.assignments[learner.code]);
    rows.push([
      learner.code,
      learner.date,
      labels.profile(learner.profile),
      learner.weakAreas.map((a) => labels.area(a)).join(', '),
      workshop?.title ?? '',
      workshop ? labels.level(workshop.level) : '',
      workshop?.schedule ?? '',
      workshop?.place ?? '',
    ]);
  }
  return toCsv(rows, separator);
}
