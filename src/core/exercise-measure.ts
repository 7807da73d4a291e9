// The measurement of hands-on exercises: one reducer for every kind, fed with what the person did
// (simulated in tests, real pointer and keyboard events on the screens), giving an ExerciseResult.
// Pure: no DOM. The screens turn DOM events into these events and read the state back. Imported
// directly (not through index.ts) so that it stays out of the first question's JavaScript.
import { exerciseChoices, isExerciseType, POINTER_EXERCISES, type ExerciseType } from './exercises.ts';
import type { ExerciseResult, ExerciseSpec } from './types.ts';

/** Defaults: how many targets, how many misses end the exercise, how many misses a success allows. */
const DEFAULTS: Record<ExerciseType, { targets: number; maxMisses: number; tolerance: number }> = {
  'click-target': { targets: 3, maxMisses: 6, tolerance: 2 },
  'double-click': { targets: 1, maxMisses: 5, tolerance: 2 },
  'drag-drop': { targets: 1, maxMisses: 4, tolerance: 1 },
  'type-word': { targets: 1, maxMisses: 3, tolerance: 1 },
  'scroll-find': { targets: 1, maxMisses: 3, tolerance: 0 },
  'pick-email': { targets: 1, maxMisses: 2, tolerance: 0 },
  'spot-phishing': { targets: 1, maxMisses: 2, tolerance: 0 },
  'find-official-site': { targets: 1, maxMisses: 2, tolerance: 0 },
};

/** The settings of an exercise with their defaults filled in. */
export function exerciseSettings(spec: ExerciseSpec) {
  const type = isExerciseType(spec.type) ? spec.type : 'click-target';
  const d = DEFAULTS[type];
  const num = (name: 'targets' | 'maxMisses' | 'tolerance' | 'size' | 'lines', fallback: number) => {
    const v = spec.settings?.[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  return {
    type,
    targets: num('targets', d.targets),
    maxMisses: num('maxMisses', d.maxMisses),
    tolerance: num('tolerance', d.tolerance),
    size: num('size', 64),
    lines: num('lines', 24),
    word: String(spec.settings?.word ?? ''),
    choices: exerciseChoices(spec),
    correct: String(spec.settings?.correct ?? ''),
  };
}

/** What the person did, as the screens report it. `at` is a time in milliseconds (performance.now()). */
export type ExerciseEvent =
  /** The exercise is shown: the clock starts. */
  | { type: 'start'; at: number }
  /** A press (click or touch) on the target: for double-click, one of the two clicks. */
  | { type: 'hit'; at: number }
  /** A press beside the target, or on a wrong button. */
  | { type: 'miss'; at: number }
  /** A double-click (or double tap) on the target. */
  | { type: 'dblclick'; at: number }
  /** The dragged item let go: on the drop zone, or elsewhere. */
  | { type: 'drop'; at: number; onZone: boolean }
  /** The typed word sent (Enter or "Valider"). */
  | { type: 'submit'; at: number; value: string }
  /** An answer picked in a choice exercise. */
  | { type: 'choose'; at: number; choice: string }
  /** A key pressed to act on a pointer exercise: the person uses a keyboard. */
  | { type: 'key'; at: number }
  /** "Je préfère passer", or "Je n'utilise pas de souris" (reason no-pointer). */
  | { type: 'skip'; at: number; reason: 'person' | 'no-pointer' };

export interface ExerciseState {
  spec: ExerciseSpec;
  startedAt: number | null;
  lastAt: number | null;
  /** Parts done right (targets hit, the word typed, the right answer chosen). */
  done: number;
  attempts: number;
  misses: number;
  /** Double-click: presses on the target not yet part of a double-click. */
  pendingClicks: number;
  /** Whether any pointer gesture came before (then keys do not mean "no pointer"). */
  pointerUsed: boolean;
  /** The result once the exercise is over (done, failed or skipped). */
  result: ExerciseResult | null;
  /** The wrong choices already picked, for a choice exercise (the screen keeps them visible but spent). */
  wrongChoices: string[];
}

export function startExercise(spec: ExerciseSpec, at: number): ExerciseState {
  return { spec, startedAt: at, lastAt: at, done: 0, attempts: 0, misses: 0, pendingClicks: 0, pointerUsed: false, result: null, wrongChoices: [] };
}

/** Misses counted so far, including presses on a double-click target that can no longer be part of one (all but the last two). */
function missesOf(state: ExerciseState): number {
  return state.misses + Math.max(0, state.pendingClicks - 2);
}

function finish(state: ExerciseState, at: number, outcome: ExerciseResult['outcome'], skippedReason?: ExerciseResult['skippedReason']): ExerciseState {
  const settings = exerciseSettings(state.spec);
  // Once over, presses on a double-click target that made no double-click were all misses.
  const misses = state.misses + state.pendingClicks;
  let score = 0;
  if (outcome === 'success') score = 1;
  else if (outcome === 'partial') score = 0.5;
  else if (outcome === 'failure') score = Math.round((0.5 * state.done * 100) / Math.max(1, settings.targets)) / 100;
  const result: ExerciseResult = {
    outcome,
    score,
    attempts: state.attempts,
    misses,
    durationMs: Math.max(0, Math.round(at - (state.startedAt ?? at))),
  };
  if (skippedReason) result.skippedReason = skippedReason;
  return { ...state, lastAt: at, misses, pendingClicks: 0, result };
}

/** Ends the exercise if everything is done, or if the misses reached the limit. */
function settle(state: ExerciseState, at: number): ExerciseState {
  const settings = exerciseSettings(state.spec);
  const misses = missesOf(state);
  if (state.done >= settings.targets) return finish(state, at, misses <= settings.tolerance ? 'success' : 'partial');
  if (misses >= settings.maxMisses) return finish(state, at, 'failure');
  return { ...state, lastAt: at };
}

/** One step of the measurement. Events after the end are ignored. */
export function exerciseStep(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  if (state.result) return state;
  if (event.type === 'start') return startExercise(state.spec, event.at);
  const settings = exerciseSettings(state.spec);
  const pointer = (POINTER_EXERCISES as readonly string[]).includes(settings.type);
  const s: ExerciseState = { ...state, startedAt: state.startedAt ?? event.at };
  switch (event.type) {
    case 'skip':
      return finish(s, event.at, 'skipped', event.reason);
    case 'key':
      // A key before any pointer gesture on a pointer exercise: this person uses a keyboard.
      if (pointer && !s.pointerUsed) return finish(s, event.at, 'skipped', 'no-pointer');
      return s;
    case 'hit':
      if (settings.type === 'double-click') return settle({ ...s, pointerUsed: true, pendingClicks: s.pendingClicks + 1 }, event.at);
      return settle({ ...s, pointerUsed: true, attempts: s.attempts + 1, done: s.done + 1 }, event.at);
    case 'miss':
      return settle({ ...s, pointerUsed: true, attempts: s.attempts + 1, misses: s.misses + 1 }, event.at);
    case 'dblclick':
      if (settings.type !== 'double-click') return s;
      // The two presses of the double-click are part of it, not misses.
      return settle({ ...s, pointerUsed: true, attempts: s.attempts + 1, done: s.done + 1, pendingClicks: 0, misses: s.misses + Math.max(0, s.pendingClicks - 2) }, event.at);
    case 'drop':
      if (event.onZone) return settle({ ...s, pointerUsed: true, attempts: s.attempts + 1, done: s.done + 1 }, event.at);
      return settle({ ...s, pointerUsed: true, attempts: s.attempts + 1, misses: s.misses + 1 }, event.at);
    case 'submit': {
      if (normalise(event.value) === '') return s;
      const right = normalise(event.value) === normalise(settings.word);
      return settle({ ...s, attempts: s.attempts + 1, done: right ? s.done + 1 : s.done, misses: right ? s.misses : s.misses + 1 }, event.at);
    }
    case 'choose': {
      if (s.wrongChoices.includes(event.choice)) return s;
      const right = event.choice === settings.correct;
      if (right) return settle({ ...s, attempts: s.attempts + 1, done: s.done + 1 }, event.at);
      return settle({ ...s, attempts: s.attempts + 1, misses: s.misses + 1, wrongChoices: [...s.wrongChoices, event.choice] }, event.at);
    }
  }
}

/** A typed word compared without case, accents or surrounding spaces (the skill is typing, not spelling rules). */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The result of a whole sequence of events (the tests' entry point; the screens step one event at a time). */
export function measureExercise(spec: ExerciseSpec, events: readonly ExerciseEvent[]): ExerciseResult | null {
  const first = events[0];
  let state = startExercise(spec, first?.type === 'start' ? first.at : (first?.at ?? 0));
  for (const event of events) state = exerciseStep(state, event);
  return state.result;
}
