import { describe, expect, it } from 'vitest';
import { answersOnPath, evaluate, evaluationFor, levelOf, outcomeOf, recommend, scoreAreas, type Answers, type Condition } from '../../src/core/index.ts';
import { loadSample } from './sample.ts';

const q = loadSample().questionnaire;
const choice = (option: string) => ({ type: 'choice' as const, option: option as never });
const answers = (map: Record<string, string | string[]>): Answers =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, Array.isArray(v) ? { type: 'choices', options: v } : choice(v)])) as Answers;

describe('scoring', () => {
  it('scores an area as points earned over points the answered questions could give', () => {
    const areas = scoreAreas(q, answers({ 'usage-internet': 'parfois', courriel: 'avec-aide' }));
    const communication = areas.find((a) => a.area === 'communication');
    // usage-internet: 1 of 2, courriel: 1 of 3 → 2 of 5 = 40.
    expect(communication).toMatchObject({ points: 2, max: 5, score: 40, level: 'en-cours' });
    expect(areas.find((a) => a.area === 'securite')).toMatchObject({ score: null, level: null });
  });

  it('adds every ticked option of a multiple-choice question', () => {
    expect(scoreAreas(q, answers({ equipement: ['smartphone'] }))[0]).toMatchObject({ score: 50 });
    expect(scoreAreas(q, answers({ equipement: ['smartphone', 'ordinateur'] }))[0]).toMatchObject({ score: 100 });
    expect(scoreAreas(q, answers({ equipement: ['aucun'] }))[0]).toMatchObject({ score: 0, level: 'a-travailler' });
  });

  it('puts scores into levels at the questionnaire thresholds', () => {
    expect([0, 39, 40, 69, 70, 100].map((s) => levelOf(s, q.levels))).toEqual(['a-travailler', 'a-travailler', 'en-cours', 'en-cours', 'acquis', 'acquis']);
  });

  it('keeps only the answers on the path', () => {
    expect(answersOnPath(answers({ a: 'x', b: 'y' }), ['b' as never])).toEqual({ b: choice('y') });
  });

  it('evaluates every kind of condition', () => {
    const env = evaluationFor(q, answers({ 'usage-internet': 'parfois', equipement: ['smartphone'], urgence: 'oui' }));
    const holds = (c: unknown) => evaluate(c as Condition, env);
    expect(holds({ answer: 'usage-internet', is: 'parfois' })).toBe(true);
    expect(holds({ answer: 'usage-internet', isOneOf: ['jamais', 'souvent'] })).toBe(false);
    expect(holds({ answer: 'equipement', includes: 'smartphone' })).toBe(true);
    expect(holds({ answered: 'courriel' })).toBe(false);
    expect(holds({ score: 'internet', atLeast: 67 })).toBe(true); // 2 of 3, rounded
    expect(holds({ score: 'internet', atLeast: 68 })).toBe(false);
    expect(holds({ score: 'securite', atMost: 100 })).toBe(false);
    expect(holds({ flag: 'urgence' })).toBe(true);
    expect(holds({ all: [{ flag: 'urgence' }, { not: { flag: 'souhait-apprendre' } }] })).toBe(true);
    expect(holds({ any: [{ flag: 'souhait-apprendre' }, { answered: 'courriel' }] })).toBe(false);
    expect(holds({ score: 'global', atLeast: 50 })).toBe(true);
  });

  it('picks the first profile rule that holds', () => {
    const path = ['bienvenue', 'equipement', 'usage-internet', 'envie-apprendre', 'urgence'] as never[];
    expect(outcomeOf(q, answers({ 'usage-internet': 'jamais', 'envie-apprendre': 'non' }), path).profile).toBe('faire-pour');
    expect(outcomeOf(q, answers({ 'usage-internet': 'jamais', 'envie-apprendre': 'oui' }), path).profile).toBe('decouverte');
  });

  it('orders next steps: flags first, then the profile, then the weakest areas, each once', () => {
    const areas = scoreAreas(q, answers({ 'usage-internet': 'souvent', courriel: 'ne-sais-pas-faire', 'sms-banque': 'repondre' }));
    const steps = recommend(q, 'premiers-pas' as never, areas, ['urgence' as never]);
    expect(steps).toEqual(['france-services', 'atelier-courriel', 'atelier-securite']);
  });
});
