// i18next, where it earns its place: the professional space (loaded with import() with it, never with
// the kiosk's first question). One instance over the very strings the kiosk reads (src/i18n/index.ts):
// every file merged in there, before or after this module loads, is merged in here too.
import i18next, { type TFunction } from 'i18next';
import { onStrings, REFERENCE_LANGUAGE } from './index.ts';

export const i18n = i18next.createInstance();

void i18n.init({
  lng: REFERENCE_LANGUAGE,
  fallbackLng: REFERENCE_LANGUAGE,
  resources: {},
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false },
});

onStrings((code, tree) => i18n.addResourceBundle(code, 'translation', tree, true, true));

/** The strings of one language, by i18next. */
export const i18nextT = (language: string): TFunction => i18n.getFixedT(language);
