// npm run validate [folder…]: checks questionnaire folders and prints every problem; exit 1 on any error.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { loadQuestionnaire } from '../src/core/index.ts';
import fr from '../src/i18n/validation/fr.json' with { type: 'json' };
import en from '../src/i18n/validation/en.json' with { type: 'json' };
import { formatProblem } from '../src/i18n/problems.ts';
import { questionnaireFolders, readQuestionnaireFolder } from './questionnaire-files.ts';
import { formatAudioProblem, readAudio } from './audio-files.ts';

const language = (process.env.LANG ?? '').startsWith('en') ? 'en' : 'fr';
const i18n = i18next.createInstance();
await i18n.init({ lng: language, fallbackLng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });

const args = process.argv.slice(2);
const folders = args.length ? args.map((a) => resolve(a.replace(/\/questionnaire\.json$/, ''))) : questionnaireFolders();
let errors = 0;
const failing = new Set<string>();
for (const folder of folders) {
  if (!existsSync(folder)) {
    console.error(`${folder}: not found`);
    errors++;
    continue;
  }
  let result: ReturnType<typeof loadQuestionnaire>;
  try {
    result = loadQuestionnaire(readQuestionnaireFolder(folder));
  } catch (error) {
    // The validator reports problems rather than throwing; should it ever throw, the other folders are still checked.
    console.error(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
    errors++;
    continue;
  }
  const problems = result.ok ? result.warnings : result.problems;
  for (const problem of problems) {
    (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem, i18n.t));
    if (problem.severity === 'error') {
      errors++;
      failing.add(problem.file);
    }
  }
  if (result.ok) {
    const q = result.loaded.questionnaire;
    // Recordings shipped with the questionnaire (audio/<language>/<key>.<ext>): src/core/audio.ts.
    for (const problem of readAudio(folder, q.languages).problems) {
      console.error(formatAudioProblem(problem, language));
      errors++;
      failing.add(problem.file);
    }
    console.log(i18n.t('validation.ok', { name: q.id, questions: q.questions.length, languages: q.languages.join(', ') }));
  }
}
if (errors > 0) {
  console.error(i18n.t('validation.summary', { count: errors, files: failing.size }));
  process.exit(1);
}
