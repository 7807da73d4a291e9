import { useEffect, useState } from 'preact/hooks';
import type { LoadedQuestionnaire } from '../core/index.ts';
import { createRun as createRunNow, prepareRun as prepareMachine, type RunController } from '../run/run-controller.ts';
import { afterPaint } from './after-paint.ts';
import { useT } from './i18n-context.ts';
import { LazyResult } from './lazy-result.tsx';
import { prepareDrawings } from './pictogram.tsx';
import { QuestionScreen } from './question-screen.tsx';
import { sharedResultOf } from './result-link.ts';
import { useRunView } from './use-run.ts';

// A kiosk run on screen: the current question, or the result once the path has ended. The run
// itself (its actor, its writes) is the run controller's; this module comes with import() a moment
// after the start screen shows, with XState and the question screens, so the start screen waits
// for neither.

/** Made ahead, while the start screen waits: the questionnaire's machine, and its pictograms put into the page. */
export function prepareRun(loaded: LoadedQuestionnaire): void {
  prepareMachine(loaded);
  prepareDrawings(loaded);
}

/** What takes up a stored run (its replay): a chunk of its own, fetched only when the kiosk's store holds a run to take up. */
export const loadResume = () => import('../run/resume.ts');

/** A kiosk run: its writes wait until the screen that shows the change is painted (after-paint.ts). */
export const createRun: typeof createRunNow = (options) => createRunNow({ defer: afterPaint, ...options });

export interface RunProps {
  run: RunController;
  loaded: LoadedQuestionnaire;
  /** The structure's local places, if it entered any in the professional space: the result names those that fit. */
  localPlaces?: (() => Promise<unknown>) | undefined;
  onFinish: () => void;
  /** False while the run is drawn ahead, unseen behind the start screen: it takes neither the focus, nor the title, nor keys. */
  shown?: boolean;
}

export function Run({ run, loaded, localPlaces, onFinish, shown = true }: RunProps) {
  const { language } = useT();
  const view = useRunView(run);
  const { questionnaire } = loaded;

  // Once a change is painted (the answer ticked, say), what « Suivant » would compute is made in a
  // task of its own, so that going on only finds it (run-controller's prepareNext).
  useEffect(() => {
    if (!view.canGoOn || view.atResult) return undefined;
    const later = setTimeout(() => run.prepareNext());
    return () => clearTimeout(later);
  }, [run, view]);

  const [places, setPlaces] = useState<unknown>();
  useEffect(() => {
    if (!view.atResult || !localPlaces) return undefined;
    let live = true;
    void localPlaces().then((value) => live && setPlaces(value));
    return () => {
      live = false;
    };
  }, [view.atResult, localPlaces]);

  if (view.outcome) {
    return (
      <LazyResult
        loaded={loaded}
        result={sharedResultOf(questionnaire, view.outcome, language)}
        nearby={{ outcome: view.outcome, places }}
        shared={false}
        answered={{ answers: view.context.answers, path: view.context.path }}
        onFinish={onFinish}
        onBack={() => run.back()}
      />
    );
  }
  if (!view.question) throw new Error('a run with neither a question nor a result');
  return <QuestionScreen run={run} view={view} question={view.question} loaded={loaded} shown={shown} />;
}
