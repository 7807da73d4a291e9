// The professional space's strings: src/i18n/pro/<part>/<lang>.json, keys `pro.<part>.…`, in French
// (the reference) and English. They are loaded with import() when the space opens, never with the
// kiosk, and merged into the same i18next bundle; every other language falls back to French.
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

/** Loads every part in every language it has, with the validator's messages (imports show them), once. */
export async function loadProStrings(): Promise<void> {
  // The result's own strings too: records show the person's result (src/i18n/result.ts).
  await Promise.all([loadParts(), loadValidationStrings(), loadResultStrings()]);
}
