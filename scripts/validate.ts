// npm run validate [path…]: checks the data files and prints every problem; exit 1 on any error.
// Without paths: every questionnaire folder, public/settings.json, and the example files in docs/
// (workshop catalogue, local places, the data·inclusion structures and services in JSON and in CSV).
// A path may be a questionnaire folder (or its questionnaire.json), a settings file (…settings.json),
// a workshop catalogue (…workshops….json, …ateliers….json), a file of places (…places….json,
// …lieux….json) or a data·inclusion file (…structures….json|csv, …services….json|csv; the ones on a
// command line are read together, as one import). One file that cannot be read never stops the
// others from being checked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import i18next from 'i18next';
import { loadQuestionnaire, readSettings, type Problem } from '../src/core/index.ts';
import { readPlaces } from '../src/core/places.ts';
import { readDataInclusion } from '../src/core/data-inclusion.ts';
import placesFr from '../src/i18n/pro/places/fr.json' with { type: 'json' };
import placesEn from '../src/i18n/pro/places/en.json' with { type: 'json' };
import { readCatalogue } from '../src/core/workshops.ts';
import fr from '../src/i18n/validation/fr.json' with { type: 'json' };
import en from '../src/i18n/validation/en.json' with { type: 'json' };
import { formatDiProblem, formatProblem } from '../src/i18n/problems.ts';
import { questionnaireFolders, readQuestionnaireFolder, ROOT } from './questionnaire-files.ts';
import { formatAudioProblem, readAudio } from './audio-files.ts';
import { readPictograms } from './pictogram-files.ts';
import { formatVersionProblem, readPublishedVersions } from './questionnaire-versions.ts';

const language = (process.env.LANG ?? '').startsWith('en') ? 'en' : 'fr';
const i18n = i18next.createInstance();
await i18n.init({ lng: language, fallbackLng: 'fr', resources: { fr: { translation: { ...fr, ...placesFr } }, en: { translation: { ...en, ...placesEn } } }, interpolation: { escapeValue: false } });

type Kind = 'questionnaire' | 'settings' | 'workshops' | 'places' | 'data-inclusion';
const dataInclusion = (ext: string) => ['structures', 'services'].map((name) => join(ROOT, 'docs', 'data-inclusion', `${name}.${ext}`)).join('\n');
const DEFAULTS: [Kind, string][] = [
  ...questionnaireFolders().map((folder): [Kind, string] => ['questionnaire', folder]),
  ['settings', join(ROOT, 'public', 'settings.json')],
  ['workshops', join(ROOT, 'docs', 'workshops.example.json')],
  ['places', join(ROOT, 'docs', 'places.example.json')],
  ['data-inclusion', dataInclusion('json')],
  ['data-inclusion', dataInclusion('csv')],
];

/** What a path on the command line is, by its name. */
function kindOf(path: string): Kind | undefined {
  const name = basename(path).toLowerCase();
  if (existsSync(path) && statSync(path).isDirectory()) return 'questionnaire';
  if (name === 'questionnaire.json') return 'questionnaire';
  if (name.endsWith('settings.json')) return 'settings';
  if (/(workshops|ateliers).*\.json$/.test(name)) return 'workshops';
  if (/(places|lieux).*\.json$/.test(name)) return 'places';
  if (/(structures|services).*\.(json|csv)$/.test(name)) return 'data-inclusion';
  return undefined;
}

const args = process.argv.slice(2);
const given: [Kind | undefined, string][] = args.map((a) => resolve(a)).map((p) => [kindOf(p), p.replace(/\/questionnaire\.json$/, '')]);
// The data·inclusion files of a command line are one import: services name the structures they belong to.
const together = given.filter(([kind]) => kind === 'data-inclusion').map(([, path]) => path);
const targets: [Kind | undefined, string][] = args.length
  ? [...given.filter(([kind]) => kind !== 'data-inclusion'), ...(together.length ? [['data-inclusion', together.join('\n')] as [Kind, string]] : [])]
  : DEFAULTS;
const shown = (path: string) => relative(ROOT, path).split('\\').join('/');

// The questionnaires of the repository: what settings and catalogues refer to.
const built = questionnaireFolders().flatMap((folder) => {
  try {
    const result = loadQuestionnaire(readQuestionnaireFolder(folder), { reachability: false });
    return result.ok ? [result.loaded.questionnaire] : [];
  } catch {
    return [];
  }
});
const context = { questionnaires: built.map((q) => ({ id: q.id as string, languages: q.languages })) };
const areas = [...new Set(built.flatMap((q) => q.areas as string[]))];

let errors = 0;
const failing = new Set<string>();
function report(problems: Problem[]): boolean {
  for (const problem of problems) {
    (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem, i18n.t));
    if (problem.severity === 'error') {
      errors++;
      failing.add(problem.file);
    }
  }
  return !problems.some((p) => p.severity === 'error');
}

for (const [kind, path] of targets) {
  if (kind === 'data-inclusion') {
    await checkDataInclusion(path.split('\n'));
    continue;
  }
  if (!existsSync(path)) {
    console.error(i18n.t('validation.notFound', { path: shown(path) }));
    errors++;
    continue;
  }
  if (!kind) {
    console.error(i18n.t('validation.unknownFile', { path: shown(path) }));
    errors++;
    continue;
  }
  try {
    if (kind === 'questionnaire') {
      const result = loadQuestionnaire(readQuestionnaireFolder(path));
      report(result.ok ? result.warnings : result.problems);
      if (result.ok) {
        const q = result.loaded.questionnaire;
        // Recordings shipped with the questionnaire (audio/<language>/<key>.<ext>): src/core/audio.ts.
        for (const problem of readAudio(path, q.languages).problems) {
          console.error(formatAudioProblem(problem, language));
          errors++;
          failing.add(problem.file);
        }
        // Pictograms, drawn in the page (src/core/pictograms.ts): drawing only.
        const pictograms = readPictograms(path, readQuestionnaireFolder(path).pictograms, language);
        for (const problem of pictograms.problems) {
          console.error(problem.message);
          errors++;
          failing.add(problem.file);
        }
        // Published versions kept for old records (versions/<version>/): src/core/versions.ts.
        const published = readPublishedVersions(path, result.loaded);
        report(published.problems);
        for (const problem of published.versionProblems) {
          console.error(formatVersionProblem(problem, language));
          errors++;
          failing.add(problem.file);
        }
        console.log(i18n.t('validation.ok', { name: q.id, questions: q.questions.length, languages: q.languages.join(', ') }));
      }
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const file = shown(path);
    const result = kind === 'settings' ? readSettings(text, context, file) : kind === 'workshops' ? readCatalogue(text, { areas }, file) : readPlaces(text, file);
    if (report(result.ok ? result.warnings : result.problems)) console.log(i18n.t('validation.okFile', { file }));
  } catch (error) {
    // The checks report problems rather than throwing; should one ever throw, the other files are still checked.
    console.error(i18n.t('validation.crashed', { path: shown(path), detail: error instanceof Error ? error.message : String(error) }));
    errors++;
  }
}
/** data·inclusion structures and services read as the professional space imports them (src/core/data-inclusion.ts). */
async function checkDataInclusion(paths: string[]): Promise<void> {
  const missing = paths.filter((path) => !existsSync(path));
  for (const path of missing) {
    console.error(i18n.t('validation.notFound', { path: shown(path) }));
    errors++;
  }
  const files = paths.filter((path) => !missing.includes(path)).map((path) => ({ name: shown(path), size: statSync(path).size, text: async () => readFileSync(path, 'utf8') }));
  if (files.length === 0) return;
  try {
    const result = await readDataInclusion(files);
    const problems = result.ok ? result.warnings : result.problems;
    for (const problem of problems) {
      (problem.severity === 'error' ? console.error : console.warn)(formatDiProblem(problem, i18n.t));
      if (problem.severity === 'error') {
        errors++;
        failing.add(problem.file);
      }
    }
    if (result.ok) for (const file of files) console.log(i18n.t('validation.okFile', { file: file.name }));
  } catch (error) {
    console.error(i18n.t('validation.crashed', { path: files.map((f) => f.name).join(', '), detail: error instanceof Error ? error.message : String(error) }));
    errors++;
  }
}

if (errors > 0) {
  console.error(i18n.t('validation.summary', { count: errors, files: failing.size }));
  process.exit(1);
}
