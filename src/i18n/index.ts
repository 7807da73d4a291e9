// The app's one i18next instance. French, the reference every other language falls back to, is
// always there: it comes with the app's code, so the first screen waits for no further request.
// Each other language's UI strings are a separate chunk, loaded when the language is chosen.
import i18next, { type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import reference from './locales/fr.json';

export const REFERENCE_LANGUAGE = 'fr';

const loaders: Record<string, () => Promise<ResourceLanguage>> = {
  ...import.meta.glob<ResourceLanguage>(['./locales/*.json', '!./locales/fr.json'], { import: 'default' }),
  './locales/fr.json': () => Promise.resolve(reference),
};
const loaderFor = (language: string) => loaders[`./locales/${language}.json`];

/** Languages the interface itself is written in (questionnaires may offer others; the UI then falls back to French). */
export const UI_LANGUAGES = Object.keys(loaders)
  .map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'))
  .sort((a, b) => Number(b === REFERENCE_LANGUAGE) - Number(a === REFERENCE_LANGUAGE));

export const i18n = i18next.createInstance();

// Initialised at once, with the reference strings already there: the very first render (before any
// request, before any await) shows French text, never keys.
void i18n.init({
  lng: REFERENCE_LANGUAGE,
  fallbackLng: REFERENCE_LANGUAGE,
  resources: { [REFERENCE_LANGUAGE]: { translation: reference } } satisfies Resource,
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false },
});

// Strings already looked up. i18next resolves a key through its fallbacks, nesting and
// interpolation on every call (milliseconds each on a slow tablet's first screen), and every render
// asks again. Whatever adds or removes strings (a language's file, the professional space's) starts afresh.
let generation = 0;
i18n.store.on('added', () => generation++);
i18n.store.on('removed', () => generation++);

/**
 * Reads plain strings of one language straight from the bundles, as i18next would find them:
 * undefined whenever i18next has more to do (plurals, interpolation, nesting, a namespace, no string).
 */
function plainReader(language: string): (key: string) => string | undefined {
  // The codes i18next looks a key up under, in order ("fr-FALC": fr-Falc, fr).
  const codes = i18n.services.languageUtils.toResolveHierarchy(language);
  return (key) => {
    if (key.includes(':')) return undefined;
    for (const code of codes) {
      const value: unknown = i18n.getResource(code, 'translation', key);
      if (value === undefined || value === null) continue;
      return typeof value === 'string' && !value.includes('{{') && !value.includes('$t(') ? value : undefined;
    }
    return undefined;
  };
}

/**
 * The interface strings of one language, exactly as i18n.getFixedT(language) gives them: a plain
 * string is read straight from the bundles, anything else asks i18next; each answer is remembered
 * per key and options (options are plain values here: count, names, a default).
 */
export function interfaceT(language: string): TFunction {
  const fixed = i18n.getFixedT(language) as (key: unknown, options?: unknown) => unknown;
  const plain = plainReader(language);
  const known = new Map<string, unknown>();
  let seen = generation;
  const t = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) return fixed(key, options);
    if (seen !== generation) {
      known.clear();
      seen = generation;
    }
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    if (known.has(id)) return known.get(id);
    const value = (options === undefined ? plain(key) : undefined) ?? fixed(key, options);
    if (typeof value === 'string') known.set(id, value);
    return value;
  };
  return t as TFunction;
}

/**
 * The code i18next looks strings up under. It canonicalises codes with a subtag, and reads the four
 * letters of "fr-FALC" as a script: "fr-FALC" becomes "fr-Falc". A bundle stored under "fr-FALC"
 * would never be found, and easy-read French would silently show the reference French.
 */
export function bundleCode(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? language;
  } catch {
    return language;
  }
}

// Languages whose interface file is merged in. Not hasResourceBundle(): the professional space
// (pro.ts) adds its own strings to a language's bundle, which must not pass for the whole file.
const loadedLanguages = new Set<string>([REFERENCE_LANGUAGE]);

async function ensureBundle(language: string): Promise<void> {
  const code = bundleCode(language);
  if (loadedLanguages.has(code)) return;
  const load = loaderFor(language);
  if (!load) return;
  i18n.addResourceBundle(code, 'translation', await load(), true, true);
  loadedLanguages.add(code);
}

/**
 * Switches the interface language (loading its strings first) and sets <html lang dir>.
 * A regional or easy-read variant ("fr-FALC") falls back key by key to its base language ("fr"),
 * then to the reference language; a language with no UI file at all shows the reference language.
 */
export async function setLanguage(language: string): Promise<void> {
  const base = language.split('-')[0] ?? language;
  await Promise.all([ensureBundle(base), ensureBundle(language)]);
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') {
    // Only when they change: setting them again makes the browser restyle the whole page.
    const root = document.documentElement;
    const dir = i18n.dir(language);
    if (root.lang !== language) root.lang = language;
    if (root.dir !== dir) root.dir = dir;
  }
}

/** Names asked of the browser, once per language: building an Intl.DisplayNames loads that locale's data (tens of ms on a slow tablet). */
const browserNames = new Map<string, string>();

/**
 * A language's name written in that language ("Français", "English", "العربية"). The shipped
 * languages are named in `ui.language.names`, the same in every file; a language a structure adds
 * without a name there is named by the browser (Intl.DisplayNames), or by its code.
 */
export function languageName(language: string): string {
  const own = plainReader(i18n.language)(`ui.language.names.${language}`);
  if (own) return own;
  let name = browserNames.get(language);
  if (name === undefined) {
    name = language;
    try {
      name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    } catch {
      // An unknown code keeps its code as a name.
    }
    name = name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
    browserNames.set(language, name);
  }
  return name;
}

/** String files loaded with import() (the professional space's, the validator's, the exercises'): their language and loader. */
export interface LazyStringFile {
  language: string;
  load: () => Promise<ResourceLanguage>;
}

/** The files of a folder of "<lang>.json" string files, from its import.meta.glob loaders. */
export function stringFilesByLanguage(loaders: Record<string, () => Promise<ResourceLanguage>>): LazyStringFile[] {
  return Object.entries(loaders).map(([path, load]) => ({ language: path.replace(/^.*\/(.+)\.json$/, '$1'), load }));
}

/**
 * A loader that merges lazily loaded string files into the bundles of their languages, once;
 * later calls wait for the same load, and a failed load (offline before caching) may be tried again.
 */
export function lazyStrings(files: readonly LazyStringFile[]): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () => {
    loading ??= (async () => {
      const loaded = await Promise.all(files.map(async (f) => ({ language: f.language, strings: await f.load() })));
      for (const { language, strings } of loaded) i18n.addResourceBundle(bundleCode(language), 'translation', strings, true, true);
    })();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}
