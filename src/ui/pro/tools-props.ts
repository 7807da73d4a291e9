import type { Answers, LoadedQuestionnaire, Outcome, Questionnaire, QuestionId, SessionMode } from '../../core/index.ts';
import { dsiOfRun, type DsiOverall } from '../../core/dsi.ts';
import type { Observation } from '../../core/observatory.ts';
import { observationOfRecord } from '../../core/observatory.ts';
import { weakAreas, type Learner, type Roster } from '../../core/workshops.ts';
import { localDay, type Download } from './download.ts';
import type { LocalData } from './local-data.ts';

// What the workshop, group, places and observatory sections are given: the professional space's
// section props (src/ui/pro/section-props.ts) — the open vault, the questionnaire, the language — plus,
// for tests, the clear-text store and the download. Read from the vault: the professional records
// (collection 'records', written by the interview and workshop runs) and the roster.

/** The vault's surface these sections use (src/storage/vault.ts). */
export interface VaultLike {
  list<T>(collection: string): Promise<{ id: string; value: T }[]>;
  get<T>(collection: string, id: string): Promise<T | undefined>;
  put(collection: string, id: string, value: unknown): Promise<{ ok: boolean }>;
}

export interface ToolsSectionProps {
  vault: VaultLike;
  questionnaire: LoadedQuestionnaire;
  language: string;
  settings?: { structure: string; territoryUrl?: string | undefined; observatoryUrl?: string | undefined };
  /** The clear-text settings store; the device's own when left out. */
  local?: LocalData;
  download?: Download;
}

/** The professional diagnostics' collection, and the roster's. */
export const RECORDS = 'records';
export const ROSTER = 'roster';
/** The roster is one value: learner codes never appear in the vault's clear-text ids. */
export const ROSTER_ID = 'group';

/** The part of a professional record (src/core/pro-record.ts) these sections read. */
interface RecordLike {
  code?: unknown;
  session?: { mode?: unknown; questionnaireId?: unknown; status?: unknown; completedAt?: unknown; updatedAt?: unknown; answers?: unknown; path?: unknown };
  outcome?: Outcome;
}

function completed(value: unknown, questionnaireId: string): (RecordLike & { code: string; outcome: Outcome; mode: SessionMode; at: string }) | undefined {
  const r = value as RecordLike | null;
  const s = r?.session;
  if (!r || !s || typeof r.code !== 'string' || s.questionnaireId !== questionnaireId || s.status !== 'completed') return undefined;
  if (!r.outcome || !Array.isArray(r.outcome.areas) || typeof r.outcome.profile !== 'string') return undefined;
  if (s.mode !== 'interview' && s.mode !== 'workshop') return undefined;
  const at = typeof s.completedAt === 'string' ? s.completedAt : typeof s.updatedAt === 'string' ? s.updatedAt : undefined;
  if (!at) return undefined;
  return { ...r, code: r.code, outcome: r.outcome, mode: s.mode, at };
}

/** Learners of the group: completed workshop-mode diagnostics, the newest per code. */
export function learnersOf(values: readonly unknown[], questionnaireId: string): Learner[] {
  const newest = new Map<string, { at: string; learner: Learner }>();
  for (const value of values) {
    const r = completed(value, questionnaireId);
    if (!r || r.mode !== 'workshop') continue;
    const known = newest.get(r.code);
    if (known && known.at >= r.at) continue;
    newest.set(r.code, { at: r.at, learner: { code: r.code, profile: r.outcome.profile, weakAreas: weakAreas(r.outcome), date: localDay(r.at) } });
  }
  return [...newest.values()].map((x) => x.learner);
}

/** The DSI-style overall level of a stored record, when its questionnaire declares one (the answers are read, never kept). */
function dsiOfRecord(questionnaire: Questionnaire, r: RecordLike): DsiOverall | undefined {
  const { answers, path } = r.session ?? {};
  if (!questionnaire.dsi || typeof answers !== 'object' || answers === null || !Array.isArray(path)) return undefined;
  try {
    return dsiOfRun(questionnaire, answers as Answers, path as QuestionId[])?.overall;
  } catch {
    return undefined;
  }
}

/** The observatory's view of professional records: the outcome, the mode, the local date and the DSI-style level only. */
export function observationsOfRecords(values: readonly unknown[], questionnaire: Questionnaire): Observation[] {
  const questionnaireId = questionnaire.id;
  return values.flatMap((value) => {
    const r = completed(value, questionnaireId);
    return r ? [observationOfRecord({ questionnaireId, mode: r.mode, date: localDay(r.at), outcome: r.outcome, dsi: dsiOfRecord(questionnaire, r) })] : [];
  });
}

/**
 * The roster as it stands: the stored one, without the codes whose workshop-mode diagnostic is no
 * longer in the vault (a deleted record frees its place in the workshop).
 */
export async function loadRoster(vault: VaultLike, questionnaireId: string): Promise<Roster> {
  const [records, stored] = await Promise.all([vault.list<unknown>(RECORDS), vault.get(ROSTER, ROSTER_ID)]);
  const codes = new Set(learnersOf(records.map((r) => r.value), questionnaireId).map((l) => l.code));
  return { assignments: Object.fromEntries(Object.entries(rosterOf(stored).assignments).filter(([code]) => codes.has(code))) };
}

/** The stored roster, checked. */
export function rosterOf(value: unknown): Roster {
  const assignments = (value as Roster | undefined)?.assignments;
  if (!assignments || typeof assignments !== 'object') return { assignments: {} };
  return { assignments: Object.fromEntries(Object.entries(assignments).filter(([, id]) => typeof id === 'string')) };
}
