import type { Answer, ExerciseOutcome, OptionId, Question } from './types.ts';

const EXERCISE_ANSWERS: Record<ExerciseOutcome, number> = { success: 1, partial: 0.5, failure: 0, skipped: 0 };

/** Every answer a person could give to a question (for multiple choice with many options, a sample). */
export function possibleAnswers(question: Question): Answer[] {
  const options = (question.options ?? []).map((o) => o.id);
  switch (question.kind) {
    case 'info':
      return [];
    case 'exercise':
      return (Object.keys(EXERCISE_ANSWERS) as ExerciseOutcome[]).map((outcome) => ({
        type: 'exercise',
        result: { outcome, score: EXERCISE_ANSWERS[outcome], attempts: 1, misses: outcome === 'success' ? 0 : 1, durationMs: 1000 },
      }));
    case 'multiple': {
      const subsets: OptionId[][] = [];
      if (options.length <= 4) {
        for (let mask = 1; mask < 1 << options.length; mask++) subsets.push(options.filter((_, i) => mask & (1 << i)));
      } else {
        for (const o of options) subsets.push([o]);
        subsets.push(options.slice(0, -1), options);
      }
      return subsets.map((s) => ({ type: 'choices', options: s }));
    }
    default:
      return options.map((option) => ({ type: 'choice', option }));
  }
}
