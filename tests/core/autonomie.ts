// The shipped questionnaire autonomie-numerique, loaded through the real validator, for core tests.
import { join } from 'node:path';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

let cached: LoadedQuestionnaire | undefined;
export function loadAutonomie(): LoadedQuestionnaire {
  if (cached) return cached;
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'autonomie-numerique')), { reachability: false });
  if (!result.ok) throw new Error(`autonomie-numerique is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  cached = result.loaded;
  return cached;
}
