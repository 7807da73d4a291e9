// The validator never throws, whatever the files hold: every problem names its file and a JSON path,
// and reads as a message. Random changes to the sample questionnaire, with a fixed seed (a failure
// replays), bounded to stay a fast check.
import fc from 'fast-check';
import i18next from 'i18next';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, type QuestionnaireSource } from '../../src/core/index.ts';
import { formatProblem } from '../../src/i18n/problems.ts';
import fr from '../../src/i18n/validation/fr.json' with { type: 'json' };
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

type Json = unknown;
type Key = string | number;
const sample = readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple'));
const i18n = i18next.createInstance();
i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, initAsync: false, interpolation: { escapeValue: false } });

function paths(value: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, item] of Object.entries(value)) paths(item, [...at, k], out);
  return out;
}

/** Which file to change: the structure, or the French texts. */
const files = [
  { text: sample.structure.text, set: (s: QuestionnaireSource, text: string) => ({ ...s, structure: { ...s.structure, text } }) },
  { text: sample.locales.find((l) => l.language === 'fr')?.text ?? '{}', set: (s: QuestionnaireSource, text: string) => ({ ...s, locales: s.locales.map((l) => (l.language === 'fr' ? { ...l, text } : l)) }) },
].map((f) => ({ ...f, paths: paths(JSON.parse(f.text)) }));

/** A value nested `depth` levels deep, the way a generator or a copy-paste gone wrong would write it, as JSON text (too deep for JSON.stringify). */
const nested = (depth: number, shape: 'not' | 'all' | 'list'): string => {
  const [open, close] = ({ not: ['{"not": ', '}'], all: ['{"all": [', ']}'], list: ['[', ']'] } as const)[shape];
  return `${open.repeat(depth)}{"answer": "courriel", "is": "jamais"}${close.repeat(depth)}`;
};
const DEEP = 'deep value here';

const change = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 60, max: 4000 }), shape: fc.constantFrom('not', 'all', 'list') as fc.Arbitrary<'not' | 'all' | 'list'> }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
);

const edit: fc.Arbitrary<{ file: number; where: number; changes: Change[] }> = fc.record({ file: fc.nat(files.length - 1), where: fc.nat(), changes: fc.array(change, { minLength: 1, maxLength: 3 }) });

type Change = { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'deep'; depth: number; shape: 'not' | 'all' | 'list' } | { kind: 'cut'; at: number };

function apply({ file, where, changes }: { file: number; where: number; changes: Change[] }): QuestionnaireSource {
  const target = files[file] as (typeof files)[number];
  let text = target.text;
  let deep = false;
  changes.forEach((c, i) => {
    // A file nested too deep is the case under test: later changes would have to parse it back.
    if (deep) return;
    deep = c.kind === 'deep';
    if (c.kind === 'cut') {
      text = text.slice(0, Math.floor(c.at * text.length));
      return;
    }
    const value = c.kind === 'set' ? c.value : c.kind === 'deep' ? DEEP : undefined;
    let root: Json;
    try {
      root = JSON.parse(text);
    } catch {
      return;
    }
    const at = target.paths[(where + i * 7919) % target.paths.length] as Key[];
    if (at.length === 0) {
      text = c.kind === 'deep' ? nested(c.depth, c.shape) : JSON.stringify(value ?? null);
      return;
    }
    let parent = root as Record<Key, Json>;
    for (const k of at.slice(0, -1)) {
      if (parent === null || typeof parent !== 'object') return;
      parent = parent[k] as Record<Key, Json>;
    }
    if (parent === null || typeof parent !== 'object') return;
    const last = at.at(-1) as Key;
    if (c.kind === 'delete') delete parent[last];
    else parent[last] = value;
    text = JSON.stringify(root);
    if (c.kind === 'deep') text = text.replace(JSON.stringify(DEEP), nested(c.depth, c.shape));
  });
  return target.set(sample, text);
}

describe('the validator under random files', () => {
  it('never throws, and every problem names a file, a JSON path and a message', () => {
    fc.assert(
      fc.property(edit, (e) => {
        const source = apply(e);
        const result = loadQuestionnaire(source, { reachability: false });
        const problems = result.ok ? result.warnings : result.problems;
        for (const problem of problems) {
          expect(problem.file).toMatch(/^questionnaires\/exemple\//);
          expect(problem.path).toMatch(/^\$/);
          const line = formatProblem(problem, i18n.t);
          expect(line).not.toMatch(/\{\{|validation\.codes|Invalid |Expected /);
        }
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});
