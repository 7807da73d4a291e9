import { useEffect, useMemo, useState } from 'preact/hooks';
import { createActor, type ActorRefFrom } from 'xstate';
import {
  createQuestionnaireMachine,
  expectedPath,
  outcomeOf,
  replay,
  RESULT_STATE,
  type LoadedQuestionnaire,
  type QuestionId,
  type QuestionnaireMachine,
  type SessionRecord,
} from '../core/index.ts';
import { useT } from './i18n-context.ts';
import { LazyResult } from './lazy-result.tsx';
import { QuestionScreen } from './question-screen.tsx';
import { sharedResultOf } from './result-link.ts';
import type { SessionEvents } from './session-events.ts';
import { useActorSnapshot } from './use-actor.ts';

// A run: the questionnaire's state machine (XState) and the question screens. Loaded with import()
// while the start screen shows, so the start screen itself waits for neither.

export type QuestionnaireActor = ActorRefFrom<QuestionnaireMachine>;

/** A new run, at the questionnaire's first step. */
export function startRun(loaded: LoadedQuestionnaire): QuestionnaireActor {
  return createActor(createQuestionnaireMachine(loaded.questionnaire)).start();
}

/** A stored run, replayed answer by answer; `complete` is false when the questionnaire changed under it. */
export function resumeRun(loaded: LoadedQuestionnaire, record: Pick<SessionRecord, 'answers' | 'path' | 'status'>): { actor: QuestionnaireActor; complete: boolean } {
  const machine = createQuestionnaireMachine(loaded.questionnaire);
  const resumed = replay(machine, record);
  return { actor: createActor(machine, { snapshot: resumed.snapshot }).start(), complete: resumed.complete };
}

export interface RunProps {
  actor: QuestionnaireActor;
  loaded: LoadedQuestionnaire;
  events?: SessionEvents | undefined;
  onFinish: () => void;
}

/** A run in progress: the current question, or the result once the path has ended. */
export function Run({ actor, loaded, events, onFinish }: RunProps) {
  const { language } = useT();
  const snapshot = useActorSnapshot(actor);
  const { answers, path } = snapshot.context;
  const { questionnaire } = loaded;
  const atResult = snapshot.value === RESULT_STATE;
  const outcome = useMemo(() => (atResult ? outcomeOf(questionnaire, answers, path) : undefined), [atResult, questionnaire, answers, path]);

  useEffect(() => {
    const session = { questionnaireId: questionnaire.id, answers, path, language };
    if (outcome) events?.finished?.({ ...session, outcome });
    else events?.changed?.(session);
  }, [answers, path, outcome]); // Only changes of the run are reported, not re-renders for a new language.

  // The structure's local places, if it entered any in the professional space: the result names those that fit.
  const [places, setPlaces] = useState<unknown>();
  useEffect(() => {
    if (!atResult || !events?.localPlaces) return undefined;
    let live = true;
    void events.localPlaces().then((value) => live && setPlaces(value));
    return () => {
      live = false;
    };
  }, [atResult, events]);

  if (outcome) {
    return (
      <LazyResult
        loaded={loaded}
        result={sharedResultOf(questionnaire, outcome, language)}
        nearby={{ outcome, places }}
        shared={false}
        onFinish={onFinish}
        onBack={() => actor.send({ type: 'nav.back' })}
      />
    );
  }
  const question = questionnaire.questions.find((q) => q.id === (snapshot.value as QuestionId));
  if (!question) throw new Error(`Unknown question ${String(snapshot.value)}`);
  const total = expectedPath(questionnaire, answers, path).length;
  return (
    <QuestionScreen
      question={question}
      loaded={loaded}
      answers={answers}
      send={(event) => actor.send(event)}
      currentAnswers={() => actor.getSnapshot().context.answers}
      step={{ current: path.length, total }}
      canGoBack={path.length > 1}
    />
  );
}
