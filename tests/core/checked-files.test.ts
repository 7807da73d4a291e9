// The browser's fast path (loadChecked): files exactly as the build checked them are parsed without
// being checked again, and give the very questionnaire the full check gives; any edit falls back to
// the full check and its messages. Generated for every questionnaire folder.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedFiles, loadChecked, loadQuestionnaire, stepBounds, type QuestionnaireSource } from '../../src/core/index.ts';
import { fileFingerprint, questionnaireFolders, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

const byFingerprint = { fingerprint: fileFingerprint };

/** The source the browser builds: the structure and one language, file names inside the questionnaires folder. */
function browserSource(source: QuestionnaireSource, language: string): QuestionnaireSource {
  const locale = source.locales.find((l) => l.language === language);
  if (!locale) throw new Error(`no ${language} file`);
  return {
    folder: source.folder,
    structure: { file: `${source.folder}/questionnaire.json`, text: source.structure.text },
    locales: [{ file: `${source.folder}/locales/${language}.json`, language, text: locale.text }],
    pictograms: source.pictograms,
  };
}

describe.each(questionnaireFolders().map((folder) => [basename(folder), folder]))('%s', (_name, folder) => {
  const source = readQuestionnaireFolder(folder);
  const full = loadQuestionnaire(source, { reachability: false });
  if (!full.ok) throw new Error(`${folder} does not load`);
  const checked = checkedFiles(source, full.loaded, fileFingerprint);

  it.each(full.loaded.questionnaire.languages)('in %s, unchanged files load as the full check loads them', (language) => {
    const one = browserSource(source, language);
    const slow = loadQuestionnaire(one, { languages: [language], reachability: false });
    const fast = loadChecked(one, checked, byFingerprint);
    if (!slow.ok || !fast?.ok) throw new Error('both paths should load');
    expect(fast.loaded.questionnaire).toEqual(slow.loaded.questionnaire);
    expect(fast.loaded.locales).toEqual(slow.loaded.locales);
    expect(fast.loaded.contentHash).toBe(slow.loaded.contentHash);
    // The duration the start screen announces, computed by the build, is the full check's.
    expect(fast.loaded.duration).toEqual(slow.loaded.duration);
    expect(fast.loaded.duration.min).toBeLessThanOrEqual(fast.loaded.duration.max);
    // So is the first screen's « Étape 1 sur Y »: the walk over the questionnaire the run no longer does at « Commencer ».
    const walked = stepBounds(slow.loaded.questionnaire, {}, [slow.loaded.questionnaire.start]);
    expect(fast.loaded.firstStep).toEqual({ atLeast: walked.atLeast, atMost: walked.atMost });
    expect(walked.atLeast).toBeGreaterThan(1);
    // Every pictogram the questionnaire names has the same file either way.
    for (const [name, file] of Object.entries(slow.loaded.pictograms)) expect(fast.loaded.pictograms[name]).toBe(file);
  });

  it('checks in full any file edited after the build, and a language the build did not see', () => {
    const language = full.loaded.questionnaire.defaultLanguage;
    const one = browserSource(source, language);
    expect(loadChecked({ ...one, structure: { ...one.structure, text: `${one.structure.text}\n` } }, checked, byFingerprint)).toBeUndefined();
    const locale = one.locales[0];
    if (!locale) throw new Error('no locale');
    expect(loadChecked({ ...one, locales: [{ ...locale, text: locale.text.replace(/"([^"]*)"\s*}/, '"$1 "}') }] }, checked, byFingerprint)).toBeUndefined();
    expect(loadChecked({ ...one, locales: [{ ...locale, language: 'xx', file: `${source.folder}/locales/xx.json` }] }, checked, byFingerprint)).toBeUndefined();
    expect(loadChecked({ ...one, locales: [locale, locale] }, checked, byFingerprint)).toBeUndefined();
    // An index.json written before the build computed the duration: the full check computes it.
    const { duration: _duration, ...older } = checked;
    expect(loadChecked(one, older as typeof checked, byFingerprint)).toBeUndefined();
    // An index written before the build computed the first screen's bounds, or with bounds no build writes: loaded, and the run walks.
    const { firstStep: _firstStep, ...withoutSteps } = checked;
    const broken = [undefined, { atLeast: 0, atMost: 3 }, { atLeast: 5, atMost: 4 }, { atLeast: 1.5, atMost: 3 }, { atLeast: '2', atMost: 3 }];
    for (const firstStep of broken) {
      const loaded = loadChecked(one, { ...withoutSteps, ...(firstStep ? { firstStep } : {}) } as typeof checked, byFingerprint);
      expect(loaded?.ok && loaded.loaded.firstStep, JSON.stringify(firstStep)).toBeUndefined();
    }
  });
});

it('an edited file still gets the validator\'s message: file, JSON path and fix', () => {
  const folder = questionnaireFolders().find((f) => basename(f) === 'autonomie-numerique');
  if (!folder) throw new Error('autonomie-numerique is missing');
  const source = readQuestionnaireFolder(folder);
  const full = loadQuestionnaire(source, { reachability: false });
  if (!full.ok) throw new Error('does not load');
  const one = browserSource(source, 'fr');
  const broken = { ...one, structure: { ...one.structure, text: one.structure.text.replace('"start": "equipement"', '"start": "equipemen"') } };
  expect(broken.structure.text).not.toBe(one.structure.text);
  expect(loadChecked(broken, checkedFiles(source, full.loaded, fileFingerprint), byFingerprint)).toBeUndefined();
  const slow = loadQuestionnaire(broken, { languages: ['fr'], reachability: false });
  expect(slow.ok).toBe(false);
  if (!slow.ok) expect(slow.problems).toContainEqual(expect.objectContaining({ file: 'autonomie-numerique/questionnaire.json', path: '$.start', severity: 'error' }));
});
