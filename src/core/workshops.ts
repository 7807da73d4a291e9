import { checkKeys, integer, isObj, parseJson, slug, text, textList } from './data-file.ts';
import { describeValue, ProblemList, suggest, type Problem } from './problems.ts';
import { toCsv, type CsvCell, type CsvSeparator } from './csv.ts';
import type { AreaId, AreaLevel, Outcome, ProfileId, Questionnaire, StepDefinition } from './types.ts';

// A structure's workshop catalogue (edited in the app, imported and exported as JSON), the match
// from a result to workshops, and the group roster (learner code → workshop) with its CSV export.
// Pure: the catalogue and the roster are plain data; storing them is the UI's business.

export const WORKSHOP_LEVELS = ['debutant', 'intermediaire', 'avance'] as const;
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];

export const CATALOGUE_FILE = 'ateliers.json';
/** The key under which the catalogue lives in the settings store (it is not personal data). */
export { CATALOGUE_SETTING } from './setting-keys.ts';
export const DURATION_RANGE = { min: 5, max: 24 * 60 } as const;
export const CAPACITY_RANGE = { min: 1, max: 500 } as const;

export interface Workshop {
  id: string;
  title: string;
  /** Area ids of the questionnaire the workshop works on. */
  areas: AreaId[];
  level: WorkshopLevel;
  durationMinutes: number;
  /** Where it happens (room, address). */
  place: string;
  /** When it happens, as the structure writes it ("mardis 14 h – 15 h 30, du 6 au 27 janvier"). */
  schedule: string;
  /** Learners it takes at most. */
  capacity: number;
}

export interface Catalogue {
  workshops: Workshop[];
}

export type CatalogueResult = { ok: true; catalogue: Catalogue; warnings: Problem[] } | { ok: false; problems: Problem[] };

const CATALOGUE_KEYS = ['$schema', 'workshops'];
const WORKSHOP_KEYS = ['id', 'title', 'areas', 'level', 'durationMinutes', 'place', 'schedule', 'capacity'];

/**
 * Reads a catalogue file: `{ "workshops": [ … ] }`. Areas must be areas of the questionnaire the
 * structure runs (`areas`); every problem is reported at once, with the JSON path and a fix.
 */
export function readCatalogue(source: string, context: { areas: readonly string[] }, file = CATALOGUE_FILE): CatalogueResult {
  const p = new ProblemList(file);
  const parsed = parseJson(source, p);
  if (!parsed) return { ok: false, problems: p.items };
  const root = parsed.value;
  if (!isObj(root)) {
    p.error('type.object', '$', { actual: describeValue(root) });
    return { ok: false, problems: p.items };
  }
  checkKeys(root, '$', CATALOGUE_KEYS, p);
  const list = root.workshops;
  const workshops: Workshop[] = [];
  if (list === undefined) p.error('key.required', '$', { key: 'workshops' });
  else if (!Array.isArray(list)) p.error('type.array', '$.workshops', { actual: describeValue(list) });
  else {
    const ids = new Set<string>();
    list.forEach((item, i) => {
      const w = readWorkshop(item, `$.workshops[${i}]`, p, context.areas);
      if (!w) return;
      if (ids.has(w.id)) {
        p.error('id.duplicate', `$.workshops[${i}].id`, { id: w.id });
        return;
      }
      ids.add(w.id);
      workshops.push(w);
    });
  }
  if (p.items.some((x) => x.severity === 'error')) return { ok: false, problems: p.items };
  return { ok: true, catalogue: { workshops }, warnings: p.items };
}

function readWorkshop(item: unknown, path: string, p: ProblemList, knownAreas: readonly string[] | undefined): Workshop | undefined {
  if (!isObj(item)) {
    p.error('type.object', path, { actual: describeValue(item) });
    return undefined;
  }
  const before = p.items.length;
  checkKeys(item, path, WORKSHOP_KEYS, p);
  const title = text(item, 'title', path, p, true);
  const id = text(item, 'id', path, p, false) ?? (title ? slug(title) : undefined);
  const areas = textList(item, 'areas', path, p);
  if (item.areas === undefined) p.error('key.required', path, { key: 'areas' });
  else if (Array.isArray(item.areas) && item.areas.length === 0) p.error('array.empty', `${path}.areas`);
  areas.forEach((area) => {
    if (knownAreas && !knownAreas.includes(area)) {
      const index = (item.areas as unknown[]).indexOf(area);
      p.error('reference.area', `${path}.areas[${index}]`, { id: area, known: knownAreas.join(', '), suggestion: suggest(area, knownAreas) ?? '' });
    }
  });
  let level: WorkshopLevel | undefined;
  if (item.level === undefined) p.error('key.required', path, { key: 'level' });
  else if (typeof item.level !== 'string' || !(WORKSHOP_LEVELS as readonly string[]).includes(item.level)) {
    const id = typeof item.level === 'string' ? item.level : describeValue(item.level);
    p.error('reference.level', `${path}.level`, { id, known: WORKSHOP_LEVELS.join(', '), suggestion: suggest(id, WORKSHOP_LEVELS) ?? '' });
  } else level = item.level as WorkshopLevel;
  const durationMinutes = integer(item, 'durationMinutes', path, p, DURATION_RANGE);
  const capacity = integer(item, 'capacity', path, p, CAPACITY_RANGE);
  const place = text(item, 'place', path, p, false) ?? '';
  const schedule = text(item, 'schedule', path, p, false) ?? '';
  if (p.items.slice(before).some((x) => x.severity === 'error')) return undefined;
  if (!id || !title || !level || durationMinutes === undefined || capacity === undefined) return undefined;
  return { id, title, areas: areas as AreaId[], level, durationMinutes, place, schedule, capacity };
}

/** A catalogue as stored on the device (written by the app): its sound workshops, whatever the questionnaire. */
export function catalogueOf(stored: unknown): Catalogue {
  if (!isObj(stored) || !Array.isArray(stored.workshops)) return { workshops: [] };
  const workshops = stored.workshops.flatMap((item, i) => {
    const w = readWorkshop(item, `$.workshops[${i}]`, new ProblemList(CATALOGUE_FILE), undefined);
    return w ? [w] : [];
  });
  return { workshops };
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
