// A questionnaire of 3,000 questions loads, announces its duration and runs: nothing in the engine
// walks a path with one call per question (a call stack of 3,000 frames overflows), and the duration
// counts, on each route, only the branches that route can take.
import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, transition } from 'xstate';
import { createQuestionnaireMachine, loadQuestionnaire, stepBounds, type Answers, type QuestionnaireSource } from '../../src/core/index.ts';
import { next, pick, qid } from './sample.ts';

const QUESTIONS = 3000;

/**
 * Blocks of ten scale questions (30 s a screen). In each block, answering "a" to its first question
 * passes over the second; answering "b" to it makes the sixth pass over the seventh. The two never
 * happen on one path: at most one question a block is passed over (2,700 screens at least, 3,000 at most).
 */
function longQuestionnaire(n: number): QuestionnaireSource {
  const areas = ['lire', 'ecrire', 'compter'];
  const questions = Array.from({ length: n }, (_, i) => {
    const question: Record<string, unknown> = {
      id: `q${i}`,
      kind: 'scale',
      options: ['a', 'b', 'c'].map((o, k) => ({ id: o, scores: { [areas[i % areas.length] as string]: k } })),
    };
    if (i % 10 === 0) question.next = [{ if: { answer: `q${i}`, is: 'a' }, goto: `q${i + 2}` }, { goto: `q${i + 1}` }];
    if (i % 10 === 5) question.next = [{ if: { answer: `q${i - 5}`, is: 'b' }, goto: `q${i + 2}` }, { goto: `q${i + 1}` }];
    return question;
  });
  const structure = {
    id: 'long', version: '1', languages: ['fr'], defaultLanguage: 'fr', areas, flags: [], profiles: ['debut', 'suite'],
    levels: { 'en-cours': 40, acquis: 70 }, start: 'q0', questions,
    profileRules: [{ profile: 'debut', when: { score: 'lire', atMost: 50 } }, { profile: 'suite' }],
    recommendations: { steps: [{ id: 'atelier', kind: 'info' }], byProfile: { debut: ['atelier'] } },
  };
  const texts = {
    title: 'Long', intro: 'Un long questionnaire',
    areas: Object.fromEntries(areas.map((a) => [a, { label: a, description: a }])),
    profiles: { debut: { title: 'Début', description: 'd', professional: 'd' }, suite: { title: 'Suite', description: 's', professional: 's' } },
    questions: Object.fromEntries(questions.map((q) => [q.id, { text: `Question ${String(q.id)}`, options: { a: 'A', b: 'B', c: 'C' } }])),
    steps: { atelier: { title: 'Atelier', text: 'Un atelier' } },
  };
  return {
    folder: 'long',
    structure: { file: 'long/questionnaire.json', text: JSON.stringify(structure) },
    locales: [{ file: 'long/locales/fr.json', language: 'fr', text: JSON.stringify(texts) }],
    pictograms: [],
  };
}

describe(`a questionnaire of ${QUESTIONS.toLocaleString('en')} questions`, () => {
  const result = loadQuestionnaire(longQuestionnaire(QUESTIONS), { reachability: false });

  it('loads, announcing 2,700 to 3,000 screens of 30 s: 1,350 to 1,500 minutes', () => {
    expect(result.ok ? [] : result.problems.slice(0, 3)).toEqual([]);
    if (!result.ok) return;
    expect(result.loaded.duration).toEqual({ min: 1350, max: 1500 });
  });

  it('counts the steps from the first question, then from a route that has taken its first branch', () => {
    if (!result.ok) throw new Error('not loaded');
    const q = result.loaded.questionnaire;
    expect(stepBounds(q, {}, [qid('q0')])).toEqual({ current: 1, atLeast: 2700, atMost: 3000 });
    // "a" at q0 passed over q1: this block can pass over nothing more.
    const answeredA = { q0: { type: 'choice', option: 'a' } } as unknown as Answers;
    expect(stepBounds(q, answeredA, [qid('q0'), qid('q2')])).toEqual({ current: 2, atLeast: 2700, atMost: 2999 });
  });

  it('runs: the compiled machine takes the branch the first answer chooses', () => {
    if (!result.ok) throw new Error('not loaded');
    const machine = createQuestionnaireMachine(result.loaded.questionnaire);
    let snapshot = getInitialSnapshot(machine);
    [snapshot] = transition(machine, snapshot, pick('b'));
    [snapshot] = transition(machine, snapshot, next);
    expect(snapshot.value).toBe('q1');
    for (const at of ['q2', 'q3', 'q4', 'q5']) {
      [snapshot] = transition(machine, snapshot, pick('c'));
      [snapshot] = transition(machine, snapshot, next);
      expect(snapshot.value).toBe(at);
    }
    // "b" at q0: q5 leads past q6.
    [snapshot] = transition(machine, snapshot, pick('c'));
    [snapshot] = transition(machine, snapshot, next);
    expect(snapshot.value).toBe('q7');
  });
});

describe(`conditions in a questionnaire of ${QUESTIONS.toLocaleString('en')} questions`, () => {
  /** The long questionnaire with one rule changed: question `at` reads `reads` (asked before it or not). */
  const reading = (at: number, reads: number) => {
    const source = longQuestionnaire(QUESTIONS);
    const structure = JSON.parse(source.structure.text) as { questions: Record<string, unknown>[] };
    (structure.questions[at] as Record<string, unknown>).next = [{ if: { answer: `q${reads}`, is: 'a' }, goto: `q${at + 2}` }, { goto: `q${at + 1}` }];
    return loadQuestionnaire({ ...source, structure: { ...source.structure, text: JSON.stringify(structure) } }, { reachability: false });
  };

  it('accept a rule reading a question asked long before, on a branch that may pass over others', () => {
    const result = reading(2_993, 2_900);
    expect(result.ok ? [] : result.problems.slice(0, 3)).toEqual([]);
  });

  it('refuse a rule reading a question asked after it, at that rule', () => {
    const result = reading(3, 2_990);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.path, p.params.id, p.params.from])).toEqual([
      ['condition.not-before', '$.questions[3].next[0].if.answer', 'q2990', 'q3'],
    ]);
  });
});
