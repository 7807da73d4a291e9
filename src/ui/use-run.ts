import { useLayoutEffect, useState } from 'preact/hooks';
import type { RunController, RunView } from '../run/run-controller.ts';

/** The run's current view, re-rendering on every change (subscribed as the screen is drawn, so an answer given at once is never missed). */
export function useRunView(run: RunController): RunView {
  const [view, setView] = useState<RunView>(() => run.view());
  useLayoutEffect(() => {
    setView(run.view());
    return run.subscribe(setView);
  }, [run]);
  return view;
}
