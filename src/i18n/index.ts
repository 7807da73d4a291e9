// The kiosk's interface strings: the locale files (src/i18n/locales/<lang>.json, and the parts
// loaded with import(): result, exercise, validation, pro) read as plain lookups, with the
// language's plural rules (Intl.PluralRules) and {{value}} interpolation, exactly as i18next reads
// them (tests/i18n/interface-t.test.ts compares both, key by key, in every language). i18next itself
// (18 KB gzipped) stays off the first question: the professional space loads it with import()
// (src/i18n/i18next.ts), over these same strings.
//
// French, the reference every other language falls back to, comes with the app's code, so the first
// screen waits for no further request. Each other language's file is a chunk, loaded when chosen.
import type { ResourceLanguage, TFunction } from 'i18next';
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

/**
 * The code strings are kept under, as i18next keeps them: codes with a subtag are canonicalised, and
 * the four letters of "fr-FALC" read as a script: "fr-Falc". (A bundle stored under "fr-FALC" would
 * never be found by i18next, and easy-read French would silently show the reference French.)
 */
export function bundleCode(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? language;
  } catch {
    return language;
  }
}

type Tree = { [key: string]: unknown };

/** Every string by language code and full key ("ui.start.begin"), flattened as the files are merged in. */
const strings = new Map<string, Map<string, string>>();
/** Every file merged in, in order, for whoever mirrors them (the professional space's i18next). */
const added: { code: string; tree: ResourceLanguage }[] = [];
const listeners = new Set<(code: string, tree: ResourceLanguage) => void>();

function flatten(tree: Tree, into: Map<string, string>, prefix = ''): void {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else if (value && typeof value === 'object') flatten(value as Tree, into, `${prefix}${key}.`);
  }
}

/** Merges a file of strings into a language (later files win, key by key), as i18next's addResourceBundle(deep, overwrite). */
export function addStrings(language: string, tree: ResourceLanguage): void {
  const code = bundleCode(language);
  let map = strings.get(code);
  if (!map) strings.set(code, (map = new Map()));
  flatten(tree as Tree, map);
  added.push({ code, tree });
  for (const listener of listeners) listener(code, tree);
}

/** Calls `listener` with every file merged in so far, then with each one merged in later; returns the unsubscription. */
export function onStrings(listener: (code: string, tree: ResourceLanguage) => void): () => void {
  for (const { code, tree } of added) listener(code, tree);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

addStrings(REFERENCE_LANGUAGE, reference);

const hierarchies = new Map<string, string[]>();
/** The codes a key is looked up under, in order, as i18next's hierarchy: "fr-FALC" → fr-Falc, fr; "en" → en, fr. Worked out once per language (Intl is slow on a cheap tablet, and every string asks). */
function hierarchy(language: string): string[] {
  let codes = hierarchies.get(language);
  if (!codes) {
    const code = bundleCode(language);
    hierarchies.set(language, (codes = [...new Set([code, code.split('-')[0] ?? code, REFERENCE_LANGUAGE])]));
  }
  return codes;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralOf(code: string, count: number): string {
  let rules = pluralRules.get(code);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(code);
    } catch {
      rules = new Intl.PluralRules(code.split('-')[0]);
    }
    pluralRules.set(code, rules);
  }
  return rules.select(count);
}

type Options = Record<string, unknown>;

/** {{name}} (and {{name, number}}) replaced by the option's value, as i18next does without escaping: a name not given stays as written. */
function interpolate(text: string, options: Options, language: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{-?(.+?)\}\}/g, (whole, inner: string) => {
    const written = inner.trim();
    const [name = '', format] = written.split(',').map((part) => part.trim());
    const value = options[name];
    if (value === undefined) return Object.prototype.hasOwnProperty.call(options, written) ? '' : whole;
    if (value === null) return '';
    return format === 'number' ? new Intl.NumberFormat(language).format(value as number) : String(value);
  });
}

/** One string: the language, its base language, then French; the plural form of `count` first; the key itself when missing. */
export function translate(language: string, key: string, options?: Options): string {
  const count = options?.count;
  const plural = typeof count === 'number';
  for (const code of hierarchy(language)) {
    const map = strings.get(code);
    if (!map) continue;
    let value = plural ? ((count === 0 ? map.get(`${key}_zero`) : undefined) ?? map.get(`${key}_${pluralOf(code, count)}`)) : undefined;
    value ??= map.get(key);
    if (value !== undefined) return options ? interpolate(value, options, language) : value;
  }
  return key;
}

/** The interface strings of one language, as i18n.getFixedT(language) gives them. */
export function interfaceT(language: string): TFunction {
  return ((key: string, options?: Options) => translate(language, key, options)) as unknown as TFunction;
}

// Languages whose interface file is merged in. Not "has strings": the professional space adds its
// own strings to a language, which must not pass for the whole file.
const loadedLanguages = new Set<string>([REFERENCE_LANGUAGE]);

async function ensureBundle(language: string): Promise<void> {
  const code = bundleCode(language);
  if (loadedLanguages.has(code)) return;
  const load = loaderFor(language);
  if (!load) return;
  addStrings(code, await load());
  loadedLanguages.add(code);
}

// The languages written right to left, as i18next lists them.
const RTL = new Set(
  'ar shu sqr ssh xaa yhd yud aao abh abv acm acq acw acx acy adf ads aeb aec afb ajp apc apd arb arq ars ary arz auz avl ayh ayl ayn ayp bbz pga he iw ps pbt pbu pst prp prd ug ur ydd yds yih ji yi hbo men xmn fa jpr peo pes prs dv sam ckb'.split(
    ' ',
  ),
);

/** 'rtl' for a language written right to left (Arabic…), else 'ltr'. */
export function direction(language: string): 'rtl' | 'ltr' {
  return RTL.has(language.split('-')[0]?.toLowerCase() ?? '') || language.toLowerCase().indexOf('-arab') > 1 ? 'rtl' : 'ltr';
}

/**
 * Switches the interface language (loading its strings first) and sets <html lang dir>.
 * A regional or easy-read variant ("fr-FALC") falls back key by key to its base language ("fr"),
 * then to the reference language; a language with no UI file at all shows the reference language.
 */
export async function setLanguage(language: string): Promise<void> {
  const base = language.split('-')[0] ?? language;
  await Promise.all([ensureBundle(base), ensureBundle(language)]);
  if (typeof document !== 'undefined') {
    // Only when they change: setting them again makes the browser restyle the whole page.
    const root = document.documentElement;
    const dir = direction(language);
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
  const own = strings.get(REFERENCE_LANGUAGE)?.get(`ui.language.names.${language}`);
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
 * A loader that merges lazily loaded string files into the strings of their languages, once;
 * later calls wait for the same load, and a failed load (offline before caching) may be tried again.
 */
export function lazyStrings(files: readonly LazyStringFile[]): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () => {
    loading ??= (async () => {
      const loaded = await Promise.all(files.map(async (f) => ({ language: f.language, strings: await f.load() })));
      for (const { language, strings } of loaded) addStrings(language, strings);
    })();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}
