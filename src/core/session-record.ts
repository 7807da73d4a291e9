import { createActor, type SnapshotFrom } from 'xstate';
import type { QuestionnaireMachine } from './questionnaire-machine.ts';
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

/** A random session id (not derived from anything about the person). */
export function newSessionId(random: () => number = Math.random): SessionId {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let id = '';
  for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id as SessionId;
}

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

export type Snapshot = SnapshotFrom<QuestionnaireMachine>;

export interface Replay {
  snapshot: Snapshot;
  /** True when every step of the record fitted the questionnaire. */
  complete: boolean;
  /** Where the replay stopped, when it did not fit: the step index and question, and why. */
  stoppedAt?: { step: number; question: string; reason: 'unknown-question' | 'answer-no-longer-fits' | 'path-differs' };
}

/**
 * Resumes a session by replaying its answers into a fresh machine, step by step along its path.
 * A questionnaire that changed since replays as far as it still fits.
 */
export function replay(machine: QuestionnaireMachine, record: Pick<SessionRecord, 'answers' | 'path' | 'status'>): Replay {
  const actor = createActor(machine).start();
  const { path, answers } = record;
  const stop = (step: number, question: string, reason: NonNullable<Replay['stoppedAt']>['reason']): Replay => {
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { snapshot, complete: false, stoppedAt: { step, question, reason } };
  };
  for (let step = 0; step < path.length; step++) {
    const question = path[step] as QuestionId;
    const snapshot = actor.getSnapshot();
    if (snapshot.value !== question) return stop(step, question, question in machine.states ? 'path-differs' : 'unknown-question');
    const answer = answers[question];
    if (answer) applyAnswer(actor, answer);
    const isLast = step === path.length - 1;
    if (isLast && record.status !== 'completed') break;
    actor.send({ type: 'nav.next' });
    if (actor.getSnapshot().value === question) return stop(step, question, 'answer-no-longer-fits');
  }
  // Answers given on branches left behind are kept, as they were, for when the person goes back there.
  const snapshot = actor.getSnapshot();
  actor.stop();
  const merged: Answers = { ...answers, ...snapshot.context.answers };
  return { snapshot: machine.resolveState({ value: snapshot.value, context: { ...snapshot.context, answers: merged } }), complete: true };
}

function applyAnswer(actor: ReturnType<typeof createActor<QuestionnaireMachine>>, answer: Answer): void {
  if (answer.type === 'choice') actor.send({ type: 'answer.select', option: answer.option });
  else if (answer.type === 'choices') for (const option of answer.options) actor.send({ type: 'answer.select', option });
  else actor.send({ type: 'exercise.done', result: answer.result });
}
