// The plain tests that spare Valibot a pass over a well-formed file must agree with the formats
// they stand for: a value the plain test takes has no problem, and a value it refuses has one.
import { describe, expect, it } from 'vitest';
import { checkShape, MAX_DEPTH, tooDeep } from '../../src/core/formats/kit.ts';
import { isLocaleTree, localeFormat } from '../../src/core/formats/locale.ts';
import { seededRandom } from '../../src/core/index.ts';

const FILE = 'q/locales/fr.json';
const validate = (value: unknown) => checkShape(localeFormat, value, FILE);

/** A random locale tree, mostly well formed, sometimes with one thing a locale file may not hold. */
function randomTree(random: () => number, depth = 0): unknown {
  const tree: Record<string, unknown> = {};
  const size = 1 + Math.floor(random() * 4);
  for (let i = 0; i < size; i++) {
    const roll = random();
    const key = random() < 0.02 ? 'constructor' : `k${i}${random() < 0.1 ? '.point' : ''}`;
    if (roll < 0.5) tree[key] = 'Bonjour';
    else if (roll < 0.8 && depth < 4) tree[key] = randomTree(random, depth + 1);
    else {
      const odd = [' ', '', 3, null, true, ['Bonjour'], ' \n\t', 'é', { a: '' }][Math.floor(random() * 9)];
      tree[key] = odd;
    }
  }
  return tree;
}

describe('a locale file, checked by the plain test and by its format', () => {
  it('agree on 2,000 random trees, well formed or not', () => {
    const random = seededRandom(20261202);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const tree = randomTree(random);
      const problems = validate(tree);
      expect(isLocaleTree(tree), JSON.stringify({ tree, problems })).toBe(problems.length === 0);
      if (problems.length === 0) accepted++;
    }
    // Both sides are exercised: well-formed trees and broken ones.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1900);
  });

  it.each([
    ['a list', ['Bonjour']],
    ['a text', 'Bonjour'],
    ['null', null],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"a": "b"}}')],
    ['a blank text', { title: '  ' }],
  ])('refuses %s, which its format reports', (_, value) => {
    expect(isLocaleTree(value)).toBe(false);
    expect(validate(value).length).toBeGreaterThan(0);
  });
});

describe('nesting', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 'fin';
    for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [1, value];
    return value;
  };
  it(`lets ${MAX_DEPTH} levels through and names the first value nested deeper`, () => {
    expect(tooDeep(nested(MAX_DEPTH))).toBeUndefined();
    const path = tooDeep(nested(MAX_DEPTH + 1));
    expect(path).toHaveLength(MAX_DEPTH);
    expect(validate(nested(MAX_DEPTH + 1))).toEqual([expect.objectContaining({ code: 'json.depth', file: FILE })]);
  });
});
