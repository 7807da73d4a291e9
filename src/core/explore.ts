import { END, nextStep } from './navigation.ts';
import { outcomeOf, questionIndex } from './scoring.ts';
import type { QuestionnaireEvent } from './questionnaire-machine.ts';
import { possibleAnswers } from './possible-answers.ts';
import type { Answer, Answers, Outcome, QuestionId, Questionnaire } from './types.ts';

// Every answer a person could give lives apart (possible-answers.ts): the step counter (progress.ts)
// needs it on the first question, while these walks come only with the validator's chunk.
export { possibleAnswers };

/** A finished walk through the questionnaire. */
export interface Walk {
  path: QuestionId[];
  answers: Answers;
  outcome: Outcome;
}

export interface Exploration {
  /** Whether every combination of answers was tried (else a sample of random walks). */
  exhaustive: boolean;
  walks: number;
  profiles: Map<string, Walk>;
  shortest: Walk | undefined;
  longest: Walk | undefined;
  /** Walks that went on longer than the questionnaire has questions (a cycle). */
  runaway: number;
}

/** The machine events that give one answer: a select per ticked option, or the exercise's result. */
export function answerEvents(answer: Answer): QuestionnaireEvent[] {
  if (answer.type === 'choice') return [{ type: 'answer.select', option: answer.option }];
  if (answer.type === 'choices') return answer.options.map((option) => ({ type: 'answer.select', option }));
  return [{ type: 'exercise.done', result: answer.result }];
}

/** A small seeded generator, so a failing random walk can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function record(exploration: Exploration, walk: Walk): void {
  exploration.walks++;
  if (!exploration.profiles.has(walk.outcome.profile)) exploration.profiles.set(walk.outcome.profile, walk);
  if (!exploration.shortest || walk.path.length < exploration.shortest.path.length) exploration.shortest = walk;
  if (!exploration.longest || walk.path.length > exploration.longest.path.length) exploration.longest = walk;
}

/**
 * Walks the questionnaire's answer space: every combination when there are at most `maxWalks`,
 * else `randomWalks` seeded random walks. Used by the validator and the generated tests.
 */
export function explore(questionnaire: Questionnaire, options: { maxWalks?: number; maxSteps?: number; randomWalks?: number; seed?: number } = {}): Exploration {
  const { maxWalks = 20000, maxSteps = 2_000_000, randomWalks = 5000, seed = 1 } = options;
  let steps = 0;
  const index = questionIndex(questionnaire);
  const limit = questionnaire.questions.length + 1;
  const exploration: Exploration = { exhaustive: true, walks: 0, profiles: new Map(), shortest: undefined, longest: undefined, runaway: 0 };

  const exhaustive = (path: QuestionId[], answers: Answers): boolean => {
    if (exploration.walks >= maxWalks || ++steps > maxSteps) return false;
    const current = path.at(-1);
    const question = current ? index.get(current) : undefined;
    if (!question || path.length > limit) {
      exploration.runaway++;
      return true;
    }
    const choices = possibleAnswers(question);
    for (const answer of choices.length ? choices : [undefined]) {
      const next = answer ? { ...answers, [question.id]: answer } : answers;
      const to = nextStep(questionnaire, question.id, next, path);
      if (to === END) record(exploration, { path, answers: next, outcome: outcomeOf(questionnaire, next, path) });
      else if (!exhaustive([...path, to], next)) return false;
    }
    return true;
  };

  if (exhaustive([questionnaire.start], {})) return exploration;

  exploration.exhaustive = false;
  exploration.walks = 0;
  exploration.profiles.clear();
  exploration.shortest = exploration.longest = undefined;
  const random = seededRandom(seed);
  for (let i = 0; i < randomWalks; i++) {
    const walk = randomWalk(questionnaire, random);
    if (walk) record(exploration, walk);
    else exploration.runaway++;
  }
  return exploration;
}

/** One walk with answers drawn at random; undefined if it runs longer than the questionnaire (a cycle). */
export function randomWalk(questionnaire: Questionnaire, random: () => number): Walk | undefined {
  const index = questionIndex(questionnaire);
  const path: QuestionId[] = [questionnaire.start];
  const answers: Answers = {};
  for (let step = 0; step <= questionnaire.questions.length; step++) {
    const current = path.at(-1);
    const question = current ? index.get(current) : undefined;
    if (!question) return undefined;
    const choices = possibleAnswers(question);
    const answer = choices[Math.floor(random() * choices.length)];
    if (answer) answers[question.id] = answer;
    const to = nextStep(questionnaire, question.id, answers, path);
    if (to === END) return { path, answers, outcome: outcomeOf(questionnaire, answers, path) };
    path.push(to);
  }
  return undefined;
}
