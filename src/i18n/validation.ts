// The validator's messages (src/i18n/validation/<lang>.json, keys `validation.…`), in French (the
// reference) and English, for the people who edit questionnaires and settings. Only a broken file
// or an import in the professional space needs them, so they are loaded with import() then, never
// with the first screen, and merged into the same i18next bundle; other languages fall back to French.
import type { ResourceLanguage } from 'i18next';
import { lazyStrings, stringFilesByLanguage } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./validation/*.json', { import: 'default' });

export const VALIDATION_STRING_FILES = stringFilesByLanguage(loaders);

/** Loads the messages in every language they have, once. */
export const loadValidationStrings = lazyStrings(VALIDATION_STRING_FILES);
