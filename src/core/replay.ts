// Resuming a stored run: its answers replayed into a fresh machine. Kept apart from the record
// itself (session-record.ts), which the start screen needs without XState.
import { createActor, type SnapshotFrom } from 'xstate';
import type { QuestionnaireContext, QuestionnaireMachine } from './questionnaire-machine.ts';
import type { SessionRecord } from './session-record.ts';
import type { Answer, QuestionId } from './types.ts';

export type Snapshot = SnapshotFrom<QuestionnaireMachine>;

export interface Replay {
  snapshot: Snapshot;
  /** True when every step of the record fitted the questionnaire. */
  complete: boolean;
  /** Where the replay stopped, when it did not fit: the step index and question, and why. */
  stoppedAt?: { step: number; question: string; reason: 'unknown-question' | 'answer-no-longer-fits' | 'path-differs' };
}

/** What a replay reads: the session's answers and path, and what the run carries beside them. */
export type ReplaySource = Pick<SessionRecord, 'answers' | 'path' | 'status'> &
  Partial<Pick<SessionRecord, 'language'>> &
  Partial<Pick<QuestionnaireContext, 'notes' | 'generalNote' | 'answeredBy'>>;

/**
 * Resumes a session by replaying its answers into a fresh machine, step by step along its path.
 * A questionnaire that changed since replays as far as it still fits.
 */
export function replay(machine: QuestionnaireMachine, record: ReplaySource): Replay {
  const actor = createActor(machine).start();
  if (record.language !== undefined) actor.send({ type: 'run.language', language: record.language });
  const { path, answers } = record;
  const finish = (complete: boolean, stoppedAt?: Replay['stoppedAt']): Replay => {
    const snapshot = actor.getSnapshot();
    actor.stop();
    // Answers given on branches left behind are kept, as they were, for when the person goes back
    // there; so are a professional's notes and who answered.
    const context: QuestionnaireContext = {
      ...snapshot.context,
      answers: complete ? { ...answers, ...snapshot.context.answers } : snapshot.context.answers,
      notes: { ...(record.notes ?? {}) },
      generalNote: record.generalNote ?? '',
      answeredBy: { ...(record.answeredBy ?? {}) },
    };
    const resolved = machine.resolveState({ value: snapshot.value, context });
    return stoppedAt ? { snapshot: resolved, complete, stoppedAt } : { snapshot: resolved, complete };
  };
  for (let step = 0; step < path.length; step++) {
    const question = path[step] as QuestionId;
    const snapshot = actor.getSnapshot();
    if (snapshot.value !== question) return finish(false, { step, question, reason: question in machine.states ? 'path-differs' : 'unknown-question' });
    const answer = answers[question];
    if (answer) applyAnswer(actor, answer);
    const isLast = step === path.length - 1;
    if (isLast && record.status !== 'completed') break;
    actor.send({ type: 'nav.next' });
    if (actor.getSnapshot().value === question) return finish(false, { step, question, reason: 'answer-no-longer-fits' });
  }
  return finish(true);
}

function applyAnswer(actor: ReturnType<typeof createActor<QuestionnaireMachine>>, answer: Answer): void {
  if (answer.type === 'choice') actor.send({ type: 'answer.select', option: answer.option });
  else if (answer.type === 'choices') for (const option of answer.options) actor.send({ type: 'answer.select', option });
  else actor.send({ type: 'exercise.done', result: answer.result });
}

