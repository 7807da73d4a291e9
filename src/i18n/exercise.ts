// The exercises' strings: src/i18n/exercise/<lang>.json, keys `ui.exercise.…` (all but "passer" and
// "continuer", which the question screen needs before they load). Loaded with import() with the
// exercise screens, never with the first question, and merged into the same i18next bundle.
import type { ResourceLanguage } from 'i18next';
import { bundleCode, i18n, init } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./exercise/*.json', { import: 'default' });

let loading: Promise<void> | undefined;

/** Loads the exercise strings of every language once (a few hundred bytes each); later calls wait for the same load. */
export function loadExerciseStrings(): Promise<void> {
  loading ??= (async () => {
    await init();
    const files = await Promise.all(
      Object.entries(loaders).map(async ([path, load]) => ({ language: path.replace(/^.*\/(.+)\.json$/, '$1'), strings: await load() })),
    );
    for (const { language, strings } of files) i18n.addResourceBundle(bundleCode(language), 'translation', strings, true, true);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
