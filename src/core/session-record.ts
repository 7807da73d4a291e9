import type { Answer, Answers, QuestionId, QuestionnaireId, SessionId } from './types.ts';

// A session as it is persisted: domain data only, never XState's internal snapshot.
// Every version ever written is listed here with the migration to the next one.

export type SessionMode = 'kiosk' | 'interview' | 'workshop';
export type SessionStatus = 'in-progress' | 'completed' | 'abandoned';

/** Version 1: the first records, without mode or language. */
export interface SessionRecordV1 {
  version: 1;
  id: string;
  questionnaireId: string;
  contentHash: string;
  answers: Record<string, Answer>;
  path: string[];
  startedAt: string;
  updatedAt: string;
  status: SessionStatus;
}

/** Version 2 (current): adds the mode the run was made in, the language, and when it was completed. */
export interface SessionRecord {
  version: 2;
  id: SessionId;
  questionnaireId: QuestionnaireId;
  contentHash: string;
  mode: SessionMode;
  language: string;
  answers: Answers;
  path: QuestionId[];
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  status: SessionStatus;
}

export const CURRENT_RECORD_VERSION = 2;

const migrations: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  1: (r) => ({ ...r, version: 2, mode: 'kiosk', language: 'fr' }),
};

export type RecordCheck = { ok: true; record: SessionRecord } | { ok: false; reason: string };

/** Brings a stored record of any known version up to the current one and checks it; a bad record is reported, never thrown. */
export function readRecord(raw: unknown): RecordCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  let record = raw as Record<string, unknown>;
  const start = record.version;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) return { ok: false, reason: 'no version number' };
  if (start > CURRENT_RECORD_VERSION) return { ok: false, reason: `version ${start} is newer than this app (${CURRENT_RECORD_VERSION})` };
  for (let v = start; v < CURRENT_RECORD_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, reason: `no migration from version ${v}` };
    record = migrate(record);
  }
  const problem = checkRecord(record);
  return problem ? { ok: false, reason: problem } : { ok: true, record: record as unknown as SessionRecord };
}

function checkRecord(r: Record<string, unknown>): string | undefined {
  for (const field of ['id', 'questionnaireId', 'contentHash', 'mode', 'language', 'startedAt', 'updatedAt', 'status']) {
    if (typeof r[field] !== 'string' || r[field] === '') return `${field} is missing`;
  }
  if (!['kiosk', 'interview', 'workshop'].includes(r.mode as string)) return `unknown mode ${String(r.mode)}`;
  if (!['in-progress', 'completed', 'abandoned'].includes(r.status as string)) return `unknown status ${String(r.status)}`;
  if (!Array.isArray(r.path) || r.path.length === 0 || !r.path.every((p) => typeof p === 'string')) return 'path is not a list of question ids';
  if (!r.answers || typeof r.answers !== 'object' || Array.isArray(r.answers)) return 'answers is not an object';
  for (const [id, answer] of Object.entries(r.answers as Record<string, unknown>)) {
    if (!isAnswer(answer)) return `answer to ${id} is malformed`;
  }
  return undefined;
}

function isAnswer(a: unknown): a is Answer {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  if (x.type === 'choice') return typeof x.option === 'string';
  if (x.type === 'choices') return Array.isArray(x.options) && x.options.every((o) => typeof o === 'string');
  if (x.type === 'exercise') {
    const r = x.result as Record<string, unknown> | undefined;
    return !!r && typeof r.outcome === 'string' && typeof r.score === 'number';
  }
  return false;
}

// In a module of its own: a new run needs it, not the record's reader and migrations.
export { newSessionId } from './session-id.ts';

export interface NewRecordInput {
  id: SessionId;
  questionnaireId: QuestionnaireId;
  contentHash: string;
  mode: SessionMode;
  language: string;
  now: string;
  start: QuestionId;
}

export function createRecord(input: NewRecordInput): SessionRecord {
  return {
    version: 2,
    id: input.id,
    questionnaireId: input.questionnaireId,
    contentHash: input.contentHash,
    mode: input.mode,
    language: input.language,
    answers: {},
    path: [input.start],
    startedAt: input.now,
    updatedAt: input.now,
    status: 'in-progress',
  };
}
