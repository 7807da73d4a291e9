import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core');
const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('src/core stays pure', () => {
  it.each(files)('%s imports only the core itself, xstate and valibot', (file) => {
    const source = readFileSync(join(CORE, file), 'utf8');
    const imports = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    const inside = (i: string) => (file.includes('/') ? i.startsWith('./') || i.startsWith('../') : i.startsWith('./'));
    expect(imports.filter((i) => !i || (!inside(i) && i !== 'xstate' && i !== 'valibot'))).toEqual([]);
  });

  it.each(files)('%s uses no DOM, storage or code strings', (file) => {
    const code = readFileSync(join(CORE, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(code).not.toMatch(/\b(window|document|localStorage|sessionStorage|indexedDB|navigator|fetch)\b\s*[.(]/);
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });
});
