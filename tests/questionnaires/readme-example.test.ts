// The example in questionnaires/README.md is a real questionnaire: it must stay valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';

it('the example of questionnaires/README.md passes the validator', () => {
  const readme = readFileSync(join(QUESTIONNAIRES_DIR, 'README.md'), 'utf8');
  const [structure, fr] = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const result = loadQuestionnaire({
    folder: 'mini',
    structure: { file: 'questionnaires/mini/questionnaire.json', text: structure ?? '' },
    locales: [{ file: 'questionnaires/mini/locales/fr.json', language: 'fr', text: fr ?? '' }],
    pictograms: [],
  });
  expect(result.ok ? result.warnings : result.problems).toEqual([]);
});
