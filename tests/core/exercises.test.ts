// The measurement of each exercise kind, fed with simulated events as the screens send them.
import { describe, expect, it } from 'vitest';
import { exerciseStep, measureExercise, startExercise, type ExerciseEvent } from '../../src/core/exercise-measure.ts';
import type { ExerciseSpec } from '../../src/core/index.ts';

/** Events at one-second intervals from t = 0 (the start). */
type Untimed = ExerciseEvent extends infer E ? (E extends ExerciseEvent ? Omit<E, 'at'> : never) : never;
function timed(...events: Untimed[]): ExerciseEvent[] {
  return [{ type: 'start', at: 0 }, ...events.map((e, i) => ({ ...e, at: (i + 1) * 1000 }) as ExerciseEvent)];
}
const hit = { type: 'hit' } as const;
const miss = { type: 'miss' } as const;
const dbl = { type: 'dblclick' } as const;
const key = { type: 'key' } as const;
const skip = { type: 'skip', reason: 'person' } as const;

describe('click-target', () => {
  const spec: ExerciseSpec = { type: 'click-target', settings: { targets: 3 } };
  it('three targets hit: success, with attempts and time', () => {
    expect(measureExercise(spec, timed(hit, hit, hit))).toEqual({ outcome: 'success', score: 1, attempts: 3, misses: 0, durationMs: 3000 });
  });
  it('hit in the end after more misses than tolerated: partial, misses counted', () => {
    expect(measureExercise(spec, timed(hit, miss, miss, hit, miss, hit))).toMatchObject({ outcome: 'partial', score: 0.5, attempts: 6, misses: 3 });
  });
  it('misses up to the limit before the targets: failure, with the share done', () => {
    const result = measureExercise(spec, timed(hit, miss, miss, miss, miss, miss, miss));
    expect(result).toMatchObject({ outcome: 'failure', attempts: 7, misses: 6, durationMs: 7000 });
    expect(result?.score).toBeCloseTo(0.17, 2);
  });
  it('not over before the last target: no result yet', () => {
    expect(measureExercise(spec, timed(hit, hit, miss))).toBeNull();
  });
  it('a key before any pointer gesture: skipped because the person uses no pointer, not failed', () => {
    expect(measureExercise(spec, timed(key))).toMatchObject({ outcome: 'skipped', skippedReason: 'no-pointer', score: 0 });
  });
  it('a key after pointer gestures changes nothing', () => {
    expect(measureExercise(spec, timed(hit, key, hit, hit))).toMatchObject({ outcome: 'success' });
  });
  it('"je préfère passer": skipped by the person, the tries so far kept', () => {
    expect(measureExercise(spec, timed(miss, skip))).toEqual({ outcome: 'skipped', skippedReason: 'person', score: 0, attempts: 1, misses: 1, durationMs: 2000 });
  });
  it('events after the end are ignored', () => {
    const events = timed(hit, hit, hit);
    let state = startExercise(spec, 0);
    for (const e of events) state = exerciseStep(state, e);
    expect(exerciseStep(state, { type: 'miss', at: 9000 })).toBe(state);
  });
});

describe('double-click', () => {
  const spec: ExerciseSpec = { type: 'double-click' };
  it('the two presses and the double-click: success, the presses are not misses', () => {
    expect(measureExercise(spec, timed(hit, hit, dbl))).toMatchObject({ outcome: 'success', attempts: 1, misses: 0 });
  });
  it('single presses too slow to be a double-click count as misses', () => {
    expect(measureExercise(spec, timed(hit, miss, hit, miss, hit, hit, dbl))).toMatchObject({ outcome: 'partial', attempts: 3, misses: 4 });
  });
  it('only single presses, up to the limit: failure', () => {
    expect(measureExercise(spec, timed(hit, hit, hit, hit, hit, hit))).toBeNull();
    expect(measureExercise(spec, timed(hit, hit, hit, hit, hit, hit, hit))).toMatchObject({ outcome: 'failure', score: 0, misses: 7 });
  });
  it('keyboard first: skipped, no pointer', () => {
    expect(measureExercise(spec, timed(key))).toMatchObject({ outcome: 'skipped', skippedReason: 'no-pointer' });
  });
});

describe('drag-drop', () => {
  const spec: ExerciseSpec = { type: 'drag-drop' };
  it('dropped on the zone: success', () => {
    expect(measureExercise(spec, timed({ type: 'drop', onZone: true }))).toMatchObject({ outcome: 'success', attempts: 1, misses: 0 });
  });
  it('dropped beside twice, then on the zone: partial', () => {
    expect(measureExercise(spec, timed({ type: 'drop', onZone: false }, { type: 'drop', onZone: false }, { type: 'drop', onZone: true }))).toMatchObject({ outcome: 'partial', attempts: 3, misses: 2 });
  });
  it('dropped beside four times: failure', () => {
    const beside = { type: 'drop', onZone: false } as const;
    expect(measureExercise(spec, timed(beside, beside, beside, beside))).toMatchObject({ outcome: 'failure', misses: 4 });
  });
  it('"je n\'utilise pas de souris": skipped, no pointer', () => {
    expect(measureExercise(spec, timed({ type: 'skip', reason: 'no-pointer' }))).toMatchObject({ outcome: 'skipped', skippedReason: 'no-pointer' });
  });
});

describe('type-word', () => {
  const spec: ExerciseSpec = { type: 'type-word', settings: { word: 'Paris' } };
  it('the word typed, whatever the case and spaces: success', () => {
    expect(measureExercise(spec, timed({ type: 'submit', value: '  paris ' }))).toMatchObject({ outcome: 'success', attempts: 1, misses: 0 });
  });
  it('accents do not matter', () => {
    expect(measureExercise({ type: 'type-word', settings: { word: 'été' } }, timed({ type: 'submit', value: 'ETE' }))).toMatchObject({ outcome: 'success' });
  });
  it('one typo, then right: still a success (one miss tolerated)', () => {
    expect(measureExercise(spec, timed({ type: 'submit', value: 'Pari' }, { type: 'submit', value: 'Paris' }))).toMatchObject({ outcome: 'success', misses: 1, attempts: 2 });
  });
  it('two typos, then right: partial', () => {
    expect(measureExercise(spec, timed({ type: 'submit', value: 'Pari' }, { type: 'submit', value: 'Pqris' }, { type: 'submit', value: 'Paris' }))).toMatchObject({ outcome: 'partial', misses: 2 });
  });
  it('three wrong words: failure', () => {
    const wrong = { type: 'submit', value: 'Parsi' } as const;
    expect(measureExercise(spec, timed(wrong, wrong, wrong))).toMatchObject({ outcome: 'failure', misses: 3, score: 0 });
  });
  it('an empty field sent is no attempt; keys never mean "no pointer" here', () => {
    expect(measureExercise(spec, timed(key, { type: 'submit', value: ' ' }, { type: 'submit', value: 'Paris' }))).toMatchObject({ outcome: 'success', attempts: 1 });
  });
  it('skipped by the person', () => {
    expect(measureExercise(spec, timed(skip))).toMatchObject({ outcome: 'skipped', skippedReason: 'person' });
  });
});

describe('scroll-find', () => {
  const spec: ExerciseSpec = { type: 'scroll-find' };
  it('the button found: success', () => {
    expect(measureExercise(spec, timed(hit))).toMatchObject({ outcome: 'success', misses: 0 });
  });
  it('a wrong button first: partial', () => {
    expect(measureExercise(spec, timed(miss, hit))).toMatchObject({ outcome: 'partial', misses: 1 });
  });
  it('three wrong buttons: failure', () => {
    expect(measureExercise(spec, timed(miss, miss, miss))).toMatchObject({ outcome: 'failure', misses: 3 });
  });
  it('usable with the keyboard: a key is not "no pointer"', () => {
    expect(measureExercise(spec, timed(key, hit))).toMatchObject({ outcome: 'success' });
  });
});

describe.each([
  ['pick-email', 'courriel', 'site', 'telephone'],
  ['spot-phishing', 'colis', 'mairie', 'pharmacie'],
  ['find-official-site', 'officiel', 'annonce', 'forum'],
] as const)('%s', (type, correct, wrong1, wrong2) => {
  const spec: ExerciseSpec = { type, settings: { choices: `${wrong1}, ${correct}, ${wrong2}`, correct } };
  const choose = (choice: string) => ({ type: 'choose', choice }) as const;
  it('the right answer first: success', () => {
    expect(measureExercise(spec, timed(choose(correct)))).toMatchObject({ outcome: 'success', score: 1, attempts: 1, misses: 0 });
  });
  it('a wrong answer, then the right one: partial', () => {
    expect(measureExercise(spec, timed(choose(wrong1), choose(correct)))).toMatchObject({ outcome: 'partial', score: 0.5, attempts: 2, misses: 1 });
  });
  it('two wrong answers: failure', () => {
    expect(measureExercise(spec, timed(choose(wrong1), choose(wrong2)))).toMatchObject({ outcome: 'failure', score: 0, misses: 2 });
  });
  it('the same wrong answer twice counts once', () => {
    expect(measureExercise(spec, timed(choose(wrong1), choose(wrong1)))).toBeNull();
  });
  it('skipped by the person', () => {
    expect(measureExercise(spec, timed(skip))).toMatchObject({ outcome: 'skipped', skippedReason: 'person' });
  });
});
