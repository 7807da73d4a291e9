// The exercise kinds and their settings, as the validator checks them. The measurement itself is in
// exercise-measure.ts, which only the exercise screens (loaded with import()) and the tests import.
import type { ExerciseSpec } from './types.ts';

/** The exercise kinds the screens know how to run. */
export const EXERCISE_TYPES = [
  'click-target',
  'double-click',
  'drag-drop',
  'type-word',
  'scroll-find',
  'pick-email',
  'spot-phishing',
  'find-official-site',
] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

/** Kinds whose skill is a pointer gesture (mouse or touch): a keyboard-only person skips them, never fails them. */
export const POINTER_EXERCISES: readonly ExerciseType[] = ['click-target', 'double-click', 'drag-drop'];
/** Kinds where the person picks one answer among several texts named by `settings.choices`. */
export const CHOICE_EXERCISES: readonly ExerciseType[] = ['pick-email', 'spot-phishing', 'find-official-site'];

type SettingKind = 'count' | 'text' | 'list';
interface SettingRule {
  kind: SettingKind;
  required?: boolean;
  /** For counts: the allowed range. */
  min?: number;
  max?: number;
}

const COMMON: Record<string, SettingRule> = {
  maxMisses: { kind: 'count', min: 1, max: 20 },
  tolerance: { kind: 'count', min: 0, max: 20 },
};
const CHOICE_SETTINGS: Record<string, SettingRule> = { ...COMMON, choices: { kind: 'list', required: true }, correct: { kind: 'text', required: true } };

/** The settings each kind accepts (the validator checks them; the reducer reads them with their defaults). */
export const EXERCISE_SETTINGS: Record<ExerciseType, Record<string, SettingRule>> = {
  'click-target': { ...COMMON, targets: { kind: 'count', min: 1, max: 10 }, size: { kind: 'count', min: 24, max: 160 } },
  'double-click': { ...COMMON, targets: { kind: 'count', min: 1, max: 5 } },
  'drag-drop': { ...COMMON, targets: { kind: 'count', min: 1, max: 5 } },
  'type-word': { ...COMMON, word: { kind: 'text', required: true } },
  'scroll-find': { ...COMMON, lines: { kind: 'count', min: 5, max: 60 } },
  'pick-email': CHOICE_SETTINGS,
  'spot-phishing': CHOICE_SETTINGS,
  'find-official-site': CHOICE_SETTINGS,
};

export function isExerciseType(type: string): type is ExerciseType {
  return (EXERCISE_TYPES as readonly string[]).includes(type);
}

/** The ids of a choice exercise's answers, from `settings.choices` ("a, b, c"). */
export function exerciseChoices(spec: ExerciseSpec): string[] {
  const list = spec.settings?.choices;
  return typeof list === 'string' ? list.split(',').map((c) => c.trim()).filter(Boolean) : [];
}

