// Personas for the questionnaire "autonomie-numerique" (autonomie-numerique-personas.ts): each is
// replayed through the real engine (the XState machine compiled from the questionnaire), and its
// path, profile, points to note and next steps are checked against what a social worker would
// expect from the description. The persona table (screens, profile, flags) is data checked here;
// its summary in the README is checked too. Exhaustive walks are `npm run validate`'s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  durationRange,
  loadQuestionnaire,
  pathSeconds,
  personSteps,
  randomWalk,
  seededRandom,
  stepBounds,
  type LoadedQuestionnaire,
  type QuestionId,
} from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder, ROOT } from '../../scripts/questionnaire-files.ts';
import { personaSummary, PERSONAS, walkPersona, type PersonaRun } from './autonomie-numerique-personas.ts';

const FOLDER = join(QUESTIONNAIRES_DIR, 'autonomie-numerique');

function load(): LoadedQuestionnaire {
  const result = loadQuestionnaire(readQuestionnaireFolder(FOLDER), { reachability: false });
  if (!result.ok) throw new Error(`autonomie-numerique does not load:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.loaded;
}
const loaded = load();
const questionnaire = loaded.questionnaire;
const runs = new Map<string, PersonaRun>(PERSONAS.map((p) => [p.name, walkPersona(questionnaire, p)]));
const runOf = (name: string) => runs.get(name) as PersonaRun;

describe('autonomie-numerique: personas', () => {
  it('cover every profile and every flag, and answer only questions and options that exist', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PERSONAS.map((p) => p.profile))).toEqual(new Set(questionnaire.profiles));
    const flags = new Set(PERSONAS.flatMap((p) => runOf(p.name).outcome.flags));
    for (const flag of questionnaire.flags) expect(flags.has(flag), `no persona sets flag ${flag}`).toBe(true);
    for (const persona of PERSONAS) {
      for (const [id, answer] of Object.entries(persona.answers)) {
        const question = questionnaire.questions.find((q) => q.id === id);
        expect(question, `${persona.name} answers "${id}", which is no question`).toBeDefined();
        if (typeof answer === 'object' && !Array.isArray(answer)) expect(question?.kind, `${persona.name}: ${id}`).toBe('exercise');
        else for (const option of [answer].flat()) expect(question?.options?.map((o) => o.id), `${persona.name}: ${id}`).toContain(option);
      }
    }
  });

  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_name, persona) => {
    const run = runOf(persona.name);
    const shown = personSteps(questionnaire, run.outcome.steps);
    const detail = `${persona.name} — ${persona.description}\n  → ${run.path.length} écrans, ${run.outcome.profile}, signaux ${run.outcome.flags.join(', ')}, suites ${shown.join(', ')} | ${run.outcome.steps.slice(shown.length).join(', ')}`;
    expect(run.outcome.profile, detail).toBe(persona.profile);
    // The person's own result: at most five next steps, the ones the description calls for among them.
    expect(shown.length, detail).toBeLessThanOrEqual(5);
    for (const step of persona.steps) expect(shown, `${detail}\n  missing step ${step}`).toContain(step);
    for (const step of persona.notSteps ?? []) expect(run.outcome.steps, `${detail}\n  step ${step} contradicts what the person said`).not.toContain(step);
    for (const flag of persona.flags ?? []) expect(run.outcome.flags, `${detail}\n  missing flag ${flag}`).toContain(flag);
    expect(run.outcome.gaps.map((g) => ({ exercise: g.exercise, direction: g.direction })), `${detail}\n  gaps`).toEqual(persona.gaps ?? []);
    for (const id of persona.asked ?? []) expect(run.path, `${detail}\n  path`).toContain(id);
    for (const id of persona.notAsked ?? []) expect(run.path, `${detail}\n  path`).not.toContain(id);
  });

  it('the persona table: screens per persona as written in the data, median at most 12, longest at most 18', () => {
    const table = PERSONAS.map((p) => ({ name: p.name, screens: runOf(p.name).path.length, profile: runOf(p.name).outcome.profile }));
    expect(table).toEqual(PERSONAS.map((p) => ({ name: p.name, screens: p.screens, profile: p.profile })));
    const summary = personaSummary(loaded, PERSONAS.map((p) => runOf(p.name)));
    expect(summary.median).toBeLessThanOrEqual(12);
    expect(summary.longest).toBeLessThanOrEqual(18);
  });

  it("the README's persona summary is the one computed", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const summary = personaSummary(loaded, PERSONAS.map((p) => runOf(p.name)));
    const missing = summary.markdown.filter((line) => !readme.includes(line));
    expect(missing, 'README.md « Les personas »: paste the table `npx tsx scripts/personas.ts --readme` prints').toEqual([]);
  });

  it('context questions never weigh in the score, and each offers « je préfère ne pas répondre »', () => {
    const context = ['envie-apprendre', 'aide-entourage', 'besoins', 'urgence'];
    for (const id of context) {
      const question = questionnaire.questions.find((q) => q.id === id);
      expect(question, id).toBeDefined();
      for (const option of question?.options ?? []) expect(option.scores ?? {}, `${id}.${option.id}`).toEqual({});
      const option = question?.options?.find((o) => o.id === 'prefere-ne-pas-repondre');
      expect(option, `${id} offers prefere-ne-pas-repondre`).toBeDefined();
      expect(option?.flags ?? []).toEqual([]);
    }
  });
});

describe('autonomie-numerique: honest progress', () => {
  it('along every persona\'s path, "Étape X sur au plus Y" never goes back and Y is never less than the path', () => {
    for (const persona of PERSONAS) {
      const { path, answers } = runOf(persona.name);
      let before = { current: 0, atMost: Infinity, ratio: 0 };
      for (let step = 1; step <= path.length; step++) {
        const bounds = stepBounds(questionnaire, answers, path.slice(0, step));
        const ratio = bounds.current / bounds.atMost;
        expect(bounds.current, persona.name).toBe(step);
        expect(bounds.atMost, `${persona.name} at ${path[step - 1]}`).toBeLessThanOrEqual(before.atMost);
        expect(ratio, `${persona.name}: the bar at ${path[step - 1]}`).toBeGreaterThan(before.ratio);
        expect(bounds.atMost, `${persona.name} at ${path[step - 1]}`).toBeGreaterThanOrEqual(path.length);
        expect(bounds.atLeast, `${persona.name} at ${path[step - 1]}`).toBeLessThanOrEqual(path.length);
        before = { current: bounds.current, atMost: bounds.atMost, ratio };
      }
      expect(before.atMost, `${persona.name}: the last step says "sur ${path.length}"`).toBe(path.length);
    }
  });

  it('ticking an answer never changes the counter on the same screen', () => {
    const { path, answers } = runOf('Claire');
    for (let step = 1; step <= path.length; step++) {
      const id = path[step - 1] as QuestionId;
      const without = { ...answers };
      delete without[id];
      expect(stepBounds(questionnaire, without, path.slice(0, step)), id).toEqual(stepBounds(questionnaire, answers, path.slice(0, step)));
    }
  });

  it('the duration on the start screen brackets every persona and a sample of random paths', () => {
    const { min, max } = durationRange(questionnaire);
    expect(min).toBeGreaterThanOrEqual(1);
    expect(max).toBeLessThanOrEqual(15);
    const minutes = (path: readonly QuestionId[]) => pathSeconds(questionnaire, path) / 60;
    for (const persona of PERSONAS) {
      const m = minutes(runOf(persona.name).path);
      expect(m, persona.name).toBeGreaterThanOrEqual(min);
      expect(m, persona.name).toBeLessThanOrEqual(max);
    }
    const start = stepBounds(questionnaire, {}, [questionnaire.start]);
    const random = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const walk = randomWalk(questionnaire, random);
      expect(walk, 'a walk that ends').toBeDefined();
      const path = walk?.path ?? [];
      expect(minutes(path)).toBeGreaterThanOrEqual(min);
      expect(minutes(path)).toBeLessThanOrEqual(max);
      expect(path.length).toBeGreaterThanOrEqual(start.atLeast);
      expect(path.length).toBeLessThanOrEqual(start.atMost);
    }
  });
});

describe('autonomie-numerique: texts and pictograms', () => {
  const falc = JSON.parse(readFileSync(join(FOLDER, 'locales', 'fr-FALC.json'), 'utf8')) as Record<string, unknown>;
  const leaves = (tree: unknown, prefix = ''): [string, string][] =>
    typeof tree === 'string'
      ? [[prefix, tree]]
      : Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));

  it('easy-read French keeps sentences to 12 words or fewer', () => {
    const long: string[] = [];
    for (const [key, text] of leaves(falc)) {
      // Alt texts are short labels; the professional texts are read by the social worker, in plain French.
      if (key.startsWith('pictograms.') || key.endsWith('.professional')) continue;
      for (const sentence of text.split(/[.!?:;]\s+|[.!?]$/)) {
        const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
        if (words.length > 12) long.push(`${key}: « ${sentence.trim()} » (${words.length} mots)`);
      }
    }
    expect(long).toEqual([]);
  });

  it('pictograms are small, stroke-based 64×64 SVGs without text or outside references', () => {
    for (const name of Object.keys(loaded.pictograms)) {
      const svg = readFileSync(join(FOLDER, 'pictograms', `${name}.svg`), 'utf8');
      expect(svg.length, name).toBeLessThan(1024);
      expect(svg, name).toContain('viewBox="0 0 64 64"');
      expect(svg, name).toContain('fill="none"');
      expect(svg, name).not.toMatch(/<text|<image|href|url\(|@import|<script|<style/i);
    }
  });

  it('every question and option has a pictogram, and no pictogram file is left unused', () => {
    for (const q of questionnaire.questions) {
      expect(q.pictogram, q.id).toBeTruthy();
      for (const o of q.options ?? []) expect(o.pictogram, `${q.id}.${o.id}`).toBeTruthy();
    }
    expect(readQuestionnaireFolder(FOLDER).pictograms.sort()).toEqual(Object.keys(loaded.pictograms).sort());
  });

  it('links are https', () => {
    for (const step of questionnaire.recommendations.steps) if (step.link) expect(step.link).toMatch(/^https:\/\//);
  });

  it('5 to 7 exercises, never for someone who cannot use a device nor for someone who only has a basic phone', () => {
    const exercises = questionnaire.questions.filter((q) => q.kind === 'exercise');
    expect(exercises.length).toBeGreaterThanOrEqual(5);
    expect(exercises.length).toBeLessThanOrEqual(7);
    const random = seededRandom(11);
    let without = 0;
    let basic = 0;
    for (let i = 0; i < 1500; i++) {
      const walk = randomWalk(questionnaire, random);
      const device = walk?.answers['utilisation-appareil' as QuestionId];
      const owned = walk?.answers['equipement' as QuestionId];
      const onlyBasic = owned?.type === 'choices' && owned.options.every((o) => ['telephone-simple', 'casse', 'aucun'].includes(o));
      const cannot = device?.type === 'choice' && device.option === 'ne-sais-pas-faire';
      if (!walk || !(cannot || onlyBasic)) continue;
      if (cannot) without++;
      if (onlyBasic) basic++;
      // Only the exercises that read a screen (an official site, a scam) remain for someone without a device of their own.
      const onScreenSkills = (id: QuestionId) => exercises.some((q) => q.id === id && (cannot || !['spot-phishing', 'find-official-site'].includes(q.exercise?.type ?? '')));
      expect(walk.path.filter(onScreenSkills), walk.path.join(' → ')).toEqual([]);
    }
    expect(without).toBeGreaterThan(50);
    expect(basic).toBeGreaterThan(10);
  });
});
