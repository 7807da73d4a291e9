// Each generated JSON Schema and the runtime check (the Valibot format both come from) must agree on
// every file: for mutations of the real files (the questionnaires, the shipped settings, the example
// workshop catalogue), generated deterministically, both accept or both refuse. What only the core
// refuses (references, loops, texts) is not shape.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { questionnaireFormat } from '../../src/core/formats/questionnaire.ts';
import { settingsFormat } from '../../src/core/formats/settings.ts';
import { catalogueFormat } from '../../src/core/formats/workshops.ts';
import { QUESTIONNAIRES_DIR, ROOT } from '../../scripts/questionnaire-files.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

const compile = (file: string) => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as object);
const read = (id: string) => JSON.parse(readFileSync(join(QUESTIONNAIRES_DIR, id, 'questionnaire.json'), 'utf8')) as Json;
const readFile = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Json;

/** Every path in a JSON value, in document order. */
function paths(value: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, item] of Object.entries(value)) paths(item, [...at, k], out);
  return out;
}

/** What each mutation does to a value (undefined: removed), by the value's JSON type. */
const ANY: [string, (x: Json) => Json | undefined][] = [
  ['removed', () => undefined],
  ['null', () => null],
  ['wrapped in a list', (x) => [x]],
];
const BY_TYPE: Record<'string' | 'number' | 'boolean' | 'object' | 'array', [string, (x: Json) => Json | undefined][]> = {
  string: [
    ['empty', () => ''],
    ['blank', () => '  '],
    ['not an id', () => 'Pas Un Id'],
    ['"end"', () => 'end'],
    ['shouted', (x) => String(x).toUpperCase()],
    ['a number', () => 42],
  ],
  number: [
    ['a fraction', () => 2.5],
    ['negative', () => -1],
    ['too big', () => 1000],
    ['as text', (x) => String(x)],
  ],
  boolean: [['as text', () => 'oui']],
  object: [
    ['with an unknown key', (x) => ({ ...(x as object), extra: 1 })],
    ['with a key of JavaScript', (x) => ({ ...(x as object), constructor: 1 })],
    ['emptied', () => ({})],
    ['a list', () => []],
  ],
  array: [
    ['emptied', () => []],
    ['first item doubled', (x) => [...(x as Json[]), ...(x as Json[]).slice(0, 1)]],
    ['an object', () => ({})],
  ],
};
const typeOf = (x: Json) => (Array.isArray(x) ? 'array' : x === null ? undefined : (typeof x as 'string' | 'number' | 'boolean' | 'object'));

function mutate(root: Json, at: Key[], replace: (x: Json) => Json | undefined): Json {
  const copy = structuredClone(root);
  if (at.length === 0) return replace(copy) ?? null;
  let parent = copy as Record<Key, Json>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<Key, Json>;
  const last = at.at(-1) as Key;
  const next = replace(parent[last] as Json);
  if (next !== undefined) parent[last] = next;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/**
 * The real questionnaire cut to one question of each kind and of each exercise type (plus the two
 * exercise types it has not), with its profile rules and next steps: every shape of the format, small enough to mutate.
 */
function sampler(): Json {
  const q = read('autonomie-numerique') as { questions: { kind: string; exercise?: { type: string }; next?: Json }[] } & Record<string, Json>;
  const seen = new Set<string>();
  const questions = q.questions
    .filter((x) => {
      const kind = x.exercise ? x.exercise.type : x.kind;
      if (seen.has(kind)) return false;
      seen.add(kind);
      return true;
    })
    // Long branchings repeat one shape: their first two rules and the last one keep every kind of rule.
    .map((x) => (Array.isArray(x.next) && x.next.length > 3 ? { ...x, next: [...x.next.slice(0, 2), ...x.next.slice(-1)] } : x));
  const more = [
    { id: 'glisser', kind: 'exercise', exercise: { type: 'drag-drop', scores: { 'prise-en-main': 2 }, settings: { targets: 2, maxMisses: 4 } } },
    { id: 'defiler', kind: 'exercise', exercise: { type: 'scroll-find', settings: { lines: 30, tolerance: 1 } }, next: 'end' },
  ];
  return { ...q, questions: [...questions, ...more] } as unknown as Json;
}

/** Every mutation of the given files (of every `stride`-th place in them), one at a time. */
function* cases(bases: [string, Json, number][]): Generator<{ name: string; value: Json }> {
  for (const [id, root, stride] of bases) {
    for (const at of paths(root).filter((_, i) => i % stride === 0)) {
      const value = at.reduce<Json>((node, k) => (node as Record<Key, Json>)[k] as Json, root);
      const type = typeOf(value);
      for (const [what, replace] of [...ANY, ...(type ? BY_TYPE[type] : [])]) {
        yield { name: `${id} $${at.map((k) => `[${JSON.stringify(k)}]`).join('')} ${what}`, value: mutate(root, at, replace) };
      }
    }
  }
}

/** Settings with every key, as a professional's device might have them. */
const fullSettings: Json = { $schema: './settings.schema.json', structure: 'CCAS de Lille', languages: ['fr', 'en'], idleSeconds: 120, modes: ['kiosk', 'interview'], proIdleMinutes: 15, defaultQuestionnaire: 'autonomie-numerique' };

const FORMATS = [
  { name: 'questionnaires/schema.json', schema: 'questionnaires/schema.json', format: questionnaireFormat, bases: (): [string, Json, number][] => [['exemple', read('exemple'), 1], ['sampler', sampler(), 3]], atLeast: 3000 },
  { name: 'public/settings.schema.json', schema: 'public/settings.schema.json', format: settingsFormat, bases: (): [string, Json, number][] => [['settings.json', readFile('public/settings.json'), 1], ['full settings', fullSettings, 1]], atLeast: 100 },
  { name: 'docs/workshops.schema.json', schema: 'docs/workshops.schema.json', format: catalogueFormat, bases: (): [string, Json, number][] => [['workshops.example.json', readFile('docs/workshops.example.json'), 1]], atLeast: 400 },
];

describe.each(FORMATS)('$name and the runtime check', ({ schema, format, bases, atLeast }) => {
  it('agree on every mutation of the real files', () => {
    const ajv = compile(schema);
    let count = 0;
    let refused = 0;
    const disagreements: string[] = [];
    for (const { name, value } of cases(bases())) {
      count++;
      const bySchema = ajv(value);
      if (!bySchema) refused++;
      if (bySchema !== v.safeParse(format, value).success) disagreements.push(name);
    }
    console.log(`${schema}: ${count} mutations, ${count - disagreements.length} agree (${refused} refused by the schema, ${count - refused} accepted)`);
    expect(disagreements).toEqual([]);
    // A run that refuses everything, or accepts everything, would prove nothing.
    expect(count).toBeGreaterThan(atLeast);
    expect(refused).toBeGreaterThan(count / 4);
    expect(count - refused).toBeGreaterThan(count / 10);
  }, 120_000);
});
