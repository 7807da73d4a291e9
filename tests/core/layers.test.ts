// The layers hold: the run controller (src/run) is the core's only caller that owns an actor and
// talks to storage through a sink, with no Preact, DOM or IndexedDB; and no file of src/ imports
// itself back through others (an import cycle), type imports included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

/** The files of src/ a file imports (statically, or with import()), as paths relative to src/. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(SRC, normalize(join(SRC, dirname(file), s))));
}

describe('the layers of src/', () => {
  it('keeps the run controller free of Preact, the DOM and IndexedDB', () => {
    for (const file of files.filter((f) => f.startsWith('run/'))) {
      const source = readFileSync(join(SRC, file), 'utf8');
      const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
      expect(imports.filter((i) => !i.startsWith('../core/') && !/^\.\/[^/]+$/.test(i) && i !== 'xstate'), file).toEqual([]);
      expect(source.replace(/\/\/.*$/gm, ''), file).not.toMatch(/\b(window|document|indexedDB|localStorage)\b\s*[.(]/);
    }
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), file, next].join(' → '));
        else if (!state.has(next)) visit(next, [...trail, file]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
