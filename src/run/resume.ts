// Taking up a stored run: its answers replayed into the questionnaire's machine (core/replay.ts).
// Apart from the run controller, so that a kiosk starting afresh never loads it: the kiosk imports
// this module (run.tsx's loadResume) only when its store holds a run to take up; the professional
// space, which resumes every record it opens, imports it with its own code.
import { replay } from '../core/replay.ts';
import type { LoadedQuestionnaire, SessionRecord } from '../core/index.ts';
import { machineOf, type RunAnnotations, type RunResume } from './run-controller.ts';

/** A stored run, with a professional's annotations if any, made ready for createRun's `resume`. */
export function resumeOf(loaded: Pick<LoadedQuestionnaire, 'questionnaire'>, session: SessionRecord, annotations?: Partial<RunAnnotations>): RunResume {
  return { session, annotations, replayed: replay(machineOf(loaded.questionnaire), { ...session, ...annotations }) };
}
