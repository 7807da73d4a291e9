// The professional space's strings: src/i18n/pro/<part>/<lang>.json, keys `pro.<part>.…`, in French
// (the reference) and English. They are loaded with import() when the space opens, never with the
// kiosk, and merged into the same i18next bundle; every other language falls back to French.
// A part is one folder: the space itself, the interview, and the parts other features add.
import type { ResourceLanguage } from 'i18next';
import { bundleCode, i18n, init } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./pro/*/*.json', { import: 'default' });

/** Every file as [part, language, loader]. */
export const PRO_STRING_FILES = Object.entries(loaders).map(([path, load]) => {
  const [, part = '', language = ''] = /^\.\/pro\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return { part, language, load };
});

let loading: Promise<void> | undefined;

/** Loads every part in every language it has, once; later calls wait for the same load. */
export function loadProStrings(): Promise<void> {
  loading ??= (async () => {
    await init();
    const files = await Promise.all(PRO_STRING_FILES.map(async (f) => ({ ...f, strings: await f.load() })));
    for (const { language, strings } of files) i18n.addResourceBundle(bundleCode(language), 'translation', strings, true, true);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
