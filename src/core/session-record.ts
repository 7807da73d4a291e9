import type { SessionRecord } from './formats/records.ts';
import type { QuestionId, QuestionnaireId, SessionId } from './types.ts';
import type { SessionMode } from './formats/settings.ts';

// A session as it is persisted: domain data only, never XState's internal snapshot. Its format, with
// every version ever written, is declared in formats/records.ts; its reader (migrations, then the
// check) is read-session-record.ts, kept apart so that starting a run does not load the checker.

export type { SessionMode } from './formats/settings.ts';
export type { SessionRecord, SessionRecordV1, SessionStatus } from './formats/records.ts';

export const CURRENT_RECORD_VERSION = 2;

// In a module of its own: a new run needs it, not the record's reader and migrations.
export { newSessionId } from './session-id.ts';

export interface NewRecordInput {
  id: SessionId;
  questionnaireId: QuestionnaireId;
  /** The questionnaire's `version`: with the content hash, which files render the record later (versions.ts). */
  questionnaireVersion: string;
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
    questionnaireVersion: input.questionnaireVersion,
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
