// The content hash: what records carry to tell whether a questionnaire changed since they were made.
// It is the hash of canonicalJson's text, fed as the value is walked: it must equal the hash of that
// text made whole, and the fingerprint of a given content never changes from one release to the next.
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../src/core/index.ts';
import { textHash } from '../../src/core/hash.ts';
import { loadAutonomie } from './autonomie.ts';

const values: [string, unknown][] = [
  ['an object with keys out of order, an empty key, an undefined value', { b: 1, a: [1, 'é', null, { c: undefined, d: 'x"y\n' }], '': true }],
  ['a list with undefined and a function (written null)', [undefined, () => 1, 'q']],
  ['a text', 'texte'],
  ['zero', 0],
  ['null', null],
  ['an empty object', {}],
  ['characters outside the basic plane and a lone surrogate', { '🙂': '\ud83d', 'مرحبا': ['Привіт'] }],
  ['characters JSON escapes or leaves as they are', { 'a\u2028b': 'c\u007f', tab: '\t', 'back\\slash': '\u0000', quote: '"' }],
];

describe('contentHash', () => {
  it.each(values)('of %s is the hash of its canonical text', (_, value) => {
    expect(contentHash(value)).toBe(textHash(canonicalJson(value)));
  });

  it('of the shipped questionnaire with its languages is the hash of their canonical text', () => {
    const { questionnaire, locales } = loadAutonomie();
    expect(contentHash([questionnaire, locales])).toBe(textHash(canonicalJson([questionnaire, locales])));
  });

  it('gives the fingerprints records made by earlier releases carry', () => {
    // Computed by the release before the hash was fed piece by piece (9d10a1c).
    expect(values.slice(0, 6).map(([, value]) => contentHash(value))).toEqual(['07f9be80cc86ec', '0fe2e3fbbf31fc', '127afec6087f9e', '0b2475ab050fb7', '15e0da69fcb93a', '1bc27f5a56d1e7']);
  });
});
