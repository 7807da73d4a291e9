// The exercise kinds and their settings, as the validator checks them. The measurement itself is in
// exercise-measure.ts, which only the exercise screens (loaded with import()) and the tests import.

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

/** Settings that are whole numbers, with their range; every other setting is a text, and required. */
export const EXERCISE_COUNTS: Record<string, [number, number]> = { targets: [1, 10], size: [24, 160], lines: [5, 60], maxMisses: [1, 20], tolerance: [0, 20] };

/** The settings each kind accepts besides maxMisses and tolerance (the validator checks them; the reducer reads them with their defaults). */
export const EXERCISE_SETTINGS: Record<ExerciseType, string[]> = {
  'click-target': ['targets', 'size'],
  'double-click': ['targets'],
  'drag-drop': ['targets'],
  'type-word': ['word'],
  'scroll-find': ['lines'],
  'pick-email': ['choices', 'correct'],
  'spot-phishing': ['choices', 'correct'],
  'find-official-site': ['choices', 'correct'],
};

export function isExerciseType(type: string): type is ExerciseType {
  return (EXERCISE_TYPES as readonly string[]).includes(type);
}

/** The ids of a choice exercise's answers, from `settings.choices` ("a, b, c"). */
export function exerciseChoices(spec: { settings?: { choices?: string | undefined } | undefined }): string[] {
  const list = spec.settings?.choices;
  return typeof list === 'string' ? list.split(',').map((c) => c.trim()).filter(Boolean) : [];
}

