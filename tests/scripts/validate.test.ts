// `npm run validate` as a structure runs it: every file on the command line is checked, whatever
// another one holds, and each problem names its file, JSON path and fix.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES_DIR, ROOT } from '../../scripts/questionnaire-files.ts';

function validate(...paths: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'validate.ts'), ...paths], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8' } });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('npm run validate', () => {
  it('checks a questionnaire, the shipped settings and the example files in docs/', () => {
    const dataInclusion = ['structures.json', 'services.json'].map((name) => join(ROOT, 'docs', 'data-inclusion', name));
    const { status, out } = validate(join(QUESTIONNAIRES_DIR, 'exemple'), join(ROOT, 'public', 'settings.json'), join(ROOT, 'docs', 'workshops.example.json'), join(ROOT, 'docs', 'places.example.json'), ...dataInclusion);
    expect(out).toContain('exemple : valide');
    expect(out).toContain('public/settings.json : valide.');
    expect(out).toContain('docs/workshops.example.json : valide.');
    expect(out).toContain('docs/places.example.json : valide.');
    expect(out).toContain('docs/data-inclusion/services.json : valide.');
    expect(status).toBe(0);
  });

  it('goes on after a questionnaire nested 3,000 deep and a broken settings file, naming each problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reperes-validate-'));
    const deep = join(dir, 'exemple');
    cpSync(join(QUESTIONNAIRES_DIR, 'exemple'), deep, { recursive: true });
    const structure = JSON.parse(readFileSync(join(deep, 'questionnaire.json'), 'utf8')) as { profileRules: { when?: unknown }[] };
    const condition = `${'{"not": '.repeat(3000)}{"flag": "urgence"}${'}'.repeat(3000)}`;
    const text = JSON.stringify({ ...structure, profileRules: [{ profile: 'faire-pour', when: '@' }, ...structure.profileRules.slice(1)] }).replace('"@"', condition);
    writeFileSync(join(deep, 'questionnaire.json'), text);
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ idleSeconds: 'long', defaultQuestionnaire: 'autonomie-numerique' }));

    const { status, out } = validate(deep, join(QUESTIONNAIRES_DIR, 'exemple'), settings, join(dir, 'notes.json'));
    expect(status).toBe(1);
    expect(out).toMatch(/exemple\/questionnaire\.json — \$\.profileRules\[0\]\.when(\.not)+ : des valeurs sont emboîtées sur plus de 64 niveaux/);
    expect(out).toContain('exemple : valide');
    expect(out).toMatch(/settings\.json — \$\.idleSeconds : un nombre est attendu ici, pas "long"/);
    expect(out).toMatch(/notes\.json : (ce fichier ou ce dossier n'existe pas|format inconnu)/);
    expect(out).not.toMatch(/RangeError|Maximum call stack/);
  });

  it('checks data·inclusion structures and services together, naming the file, the JSON path and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reperes-validate-'));
    const services = JSON.parse(readFileSync(join(ROOT, 'docs', 'data-inclusion', 'services.json'), 'utf8')) as { type: string }[];
    (services[0] as { type: string }).type = 'ateleir';
    writeFileSync(join(dir, 'services.json'), JSON.stringify(services, null, 2));
    const { status, out } = validate(join(ROOT, 'docs', 'data-inclusion', 'structures.json'), join(dir, 'services.json'));
    expect(status).toBe(1);
    expect(out).toMatch(/services\.json — \$\[0\]\.type : .*« ateleir ».*« atelier »/);
    expect(out).not.toMatch(/services\.json : valide/);
  });
});
