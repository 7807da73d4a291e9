// The sample questionnaire, loaded through the real validator, for the core's tests.
import { join } from 'node:path';
import { createActor } from 'xstate';
import { createQuestionnaireMachine, loadQuestionnaire, type LoadedQuestionnaire, type QuestionId, type QuestionnaireEvent } from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

export function loadSample(): LoadedQuestionnaire {
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')));
  if (!result.ok) throw new Error(`sample questionnaire is invalid: ${JSON.stringify(result.problems)}`);
  return result.loaded;
}

/** Runs events through a fresh actor of the sample and returns its last snapshot. */
export function run(events: QuestionnaireEvent[], loaded = loadSample()) {
  const actor = createActor(createQuestionnaireMachine(loaded.questionnaire)).start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

export const pick = (option: string): QuestionnaireEvent => ({ type: 'answer.select', option: option as never });
export const next: QuestionnaireEvent = { type: 'nav.next' };
export const back: QuestionnaireEvent = { type: 'nav.back' };

/** A question id from a plain string, for tests that name questions of the sample. */
export const qid = (id: string) => id as QuestionId;
