import type { Answers, Outcome, QuestionId, QuestionnaireId, SessionRecord } from '../core/index.ts';
import type { RunSink } from '../run/run-controller.ts';

// The seam where the kiosk's storage plugs in. A run writes itself (src/run/run-controller.ts)
// through the sink it is given; this says where that sink comes from, and what else the kiosk asks
// of storage: forgetting the person, the run to resume after a reload or a crash, the structure's
// local places, and a notice when storage fails. session-persistence.ts implements it over the
// SessionStore and main.tsx passes it in; without it (tests, or no storage at all) the run lives
// in memory only.

import type { Observable } from '../core/observable.ts';

/** A value that changes over time (src/core/observable.ts). */
export type { Observable };

export interface SessionProgress {
  questionnaireId: QuestionnaireId;
  /** The questionnaire's version the run is made with. */
  questionnaireVersion?: string;
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
  /**
   * Where a kiosk run is written. A new run ("Commencer") first forgets whatever an earlier person
   * or a crash left: one person at a time. A resumed run passes its record, so that a result
   * counted before the reload is not counted again.
   */
  sink?(run: { resumed?: SessionRecord | undefined }): RunSink;
  /** Everything about the person was wiped (finished, walked away or restarted). */
  forgotten?(): void;
  /** At start: the newest kiosk run of the questionnaire, to resume after a reload or a crash. */
  resume?(questionnaireId: QuestionnaireId): Promise<SessionRecord | undefined>;
  /** The structure's local places, as stored by the professional space (unchecked: the reader checks them). */
  localPlaces?(): Promise<unknown>;
  /** A storage problem to mention discreetly (a storage code such as 'storage.quota'), or nothing. */
  readonly notice?: Observable<string | undefined>;
}
