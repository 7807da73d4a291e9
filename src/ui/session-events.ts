import type { Answers, Outcome, QuestionId, QuestionnaireId, SessionMode } from '../core/index.ts';

// The seam where persistence plugs in: the screens report what happens to a session here and keep
// the run itself in memory. A storage module implements this interface; the kiosk passes none.

export interface SessionStarted {
  questionnaireId: QuestionnaireId;
  contentHash: string;
  language: string;
  mode: SessionMode;
}

export interface SessionProgress {
  questionnaireId: QuestionnaireId;
  /** Every answer given so far, including those on branches left by going back. */
  answers: Answers;
  /** The questions on the current path, the current one last. */
  path: QuestionId[];
  language: string;
}

export interface SessionFinished extends SessionProgress {
  outcome: Outcome;
}

export interface SessionEvents {
  /** The person pressed "Commencer". */
  started?(session: SessionStarted): void;
  /** An answer was given or changed, or the person moved on or back. */
  changed?(session: SessionProgress): void;
  /** The path ended and the result is shown. */
  finished?(session: SessionFinished): void;
  /** Everything about the person was wiped (finished, walked away or restarted). */
  forgotten?(): void;
}
