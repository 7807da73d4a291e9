// Key lists of locale trees, plural-aware: French has "_one" and "_other", Arabic also "_zero",
// "_two", "_few" and "_many", Ukrainian "_few" and "_many". A plural key of the reference is
// present in a language when that language has every plural form its own grammar uses.
export type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

export function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`)));
}

/**
 * The plural forms a language needs for the whole numbers the app shows (minutes, seconds):
 * French and Spanish "many" only serve millions, Ukrainian "other" only fractions.
 * "fr-FALC" uses French grammar.
 */
export function pluralForms(language: string): string[] {
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(language);
  } catch {
    rules = new Intl.PluralRules(language.split('-')[0]);
  }
  return [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))];
}

/** The keys a language must have, given the reference's keys. */
export function expectedKeys(reference: Tree, language: string): string[] {
  const bases = new Set<string>();
  const plain: string[] = [];
  for (const [key] of leaves(reference)) {
    if (PLURAL.test(key)) bases.add(key.replace(PLURAL, ''));
    else plain.push(key);
  }
  const forms = pluralForms(language);
  return [...plain, ...[...bases].flatMap((base) => forms.map((form) => `${base}_${form}`))].sort();
}

/** What a language lacks, and what it has that the reference does not know, one line per key. */
export function compareKeys(reference: Tree, tree: Tree, language: string): { missing: string[]; unknown: string[] } {
  const expected = expectedKeys(reference, language);
  const actual = leaves(tree).map(([k]) => k);
  const has = new Set(actual);
  const known = new Set(expected);
  const referencePlurals = new Set(leaves(reference).map(([k]) => k).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
  return {
    missing: expected.filter((k) => !has.has(k)).map((k) => `${language}: missing "${k}"`),
    // A plural form beyond what the grammar needs is harmless (i18next ignores it); anything else is not.
    unknown: actual.filter((k) => !known.has(k) && !(PLURAL.test(k) && referencePlurals.has(k.replace(PLURAL, '')))).map((k) => `${language}: unknown "${k}"`),
  };
}

/**
 * Empty texts and placeholders that differ from the reference's, one line per problem. A plural form
 * is held to its base key in the reference, and may spell its number out ("دقيقة واحدة"): {{count}}
 * alone may be left out.
 */
export function textProblems(reference: Tree, tree: Tree, language: string): string[] {
  const base = (key: string) => key.replace(PLURAL, '');
  const french = new Map(leaves(reference).map(([k, v]) => [base(k), v]));
  const names = (text: string) => new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''));
  const problems: string[] = [];
  for (const [key, value] of leaves(tree)) {
    if (!value.trim()) problems.push(`${language}: "${key}" is empty`);
    const wanted = names(french.get(base(key)) ?? '');
    const given = names(value);
    for (const name of wanted) if (!given.has(name) && name !== 'count') problems.push(`${language}: "${key}" lacks {{${name}}}`);
    for (const name of given) if (!wanted.has(name)) problems.push(`${language}: "${key}" has {{${name}}}, unknown in French`);
  }
  return problems;
}
