// The professional space's strings: src/i18n/pro/<part>/<lang>.json, keys `pro.<part>.…`, in French
// (the reference) and English. They are loaded with import() when the space opens, never with the
// kiosk, and merged into the interface strings; every other language falls back to French. The
// space reads them through i18next (./i18next.ts), loaded with them.
// A part is one folder: the space itself, the interview, and the parts other features add.
import type { ResourceLanguage } from 'i18next';
import { lazyStrings } from './index.ts';
import { loadResultStrings } from './result.ts';
import { loadValidationStrings } from './validation.ts';

const loaders = import.meta.glob<ResourceLanguage>('./pro/*/*.json', { import: 'default' });

/** Every file as [part, language, loader]. */
export const PRO_STRING_FILES = Object.entries(loaders).map(([path, load]) => {
  const [, part = '', language = ''] = /^\.\/pro\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return { part, language, load };
});

const loadParts = lazyStrings(PRO_STRING_FILES);

/** Loads every part in every language it has, with the validator's messages (imports show them), once; gives the space's i18next. */
export async function loadProStrings(): Promise<typeof import('./i18next.ts')> {
  // The result's own strings too: records show the person's result (src/i18n/result.ts).
  const [i18next] = await Promise.all([import('./i18next.ts'), loadParts(), loadValidationStrings(), loadResultStrings()]);
  return i18next;
}
