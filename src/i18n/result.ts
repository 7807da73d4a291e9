// Strings only the result needs: the result screen's own (`ui.result.*`, which the professional
// space's records also use), opening hours in words (`ui.hours.*`) and the French names a
// translation keeps (`ui.frenchTerms`): src/i18n/result/<lang>.json, loaded with import() with the
// result screen (and the professional space), never with the first question, and merged into the
// same i18next bundle.
import type { ResourceLanguage } from 'i18next';
import { lazyStrings, stringFilesByLanguage } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./result/*.json', { import: 'default' });

/** Loads the result strings of every language once; later calls wait for the same load. */
export const loadResultStrings = lazyStrings(stringFilesByLanguage(loaders));
