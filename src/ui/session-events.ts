import type { Answers, Outcome, QuestionId, QuestionnaireId, SessionMode, SessionRecord } from '../core/index.ts';

// The seam where persistence plugs in: the screens report what happens to a session here and keep
// the run itself in memory. session-persistence.ts implements it over the SessionStore and
// main.tsx passes it in; without it (tests, or no storage at all) the run lives in memory only.

import type { Observable } from '../core/observable.ts';

/** A value that changes over time (src/core/observable.ts). */
export type { Observable };

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
  /**
   * At start: the session to resume after a reload or a crash, if any (it becomes the current one).
   * One left alone longer than maxAgeSeconds is forgotten instead, as the idle reset would have done.
   */
  resume?(questionnaireId: QuestionnaireId, maxAgeSeconds?: number): Promise<SessionRecord | undefined>;
  /** The structure's local places, as stored by the professional space (unchecked: the reader checks them). */
  localPlaces?(): Promise<unknown>;
  /** A storage problem to mention discreetly (a storage code such as 'storage.quota'), or nothing. */
  readonly notice?: Observable<string | undefined>;
}
