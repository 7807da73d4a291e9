import { answersOnPath, evaluate, evaluationFor, questionIndex } from './scoring.ts';
import type { Answers, NextRule, Question, QuestionId, Questionnaire } from './types.ts';

import { END } from './formats/values.ts';

export { END };

/** A question's "next" as ordered rules, whatever shorthand the file used. */
export function nextRules(questionnaire: Questionnaire, question: Question): NextRule[] {
  const { next } = question;
  if (Array.isArray(next)) return next;
  if (typeof next === 'string') return [{ goto: next }];
  const index = questionnaire.questions.indexOf(question);
  const following = questionnaire.questions[index + 1];
  return [{ goto: following ? following.id : END }];
}

/** Where the path goes after `current`, given the answers on the path so far (which include current's). */
export function nextStep(questionnaire: Questionnaire, current: QuestionId, answers: Answers, path: readonly QuestionId[]): QuestionId | typeof END {
  const question = questionIndex(questionnaire).get(current);
  if (!question) return END;
  const rules = nextRules(questionnaire, question);
  const conditional = rules.some((r) => r.if);
  const env = conditional ? evaluationFor(questionnaire, answersOnPath(answers, path)) : undefined;
  for (const rule of rules) {
    if (!rule.if || (env && evaluate(rule.if, env))) return rule.goto;
  }
  return END;
}

/** Whether a question has what it needs to move on. */
export function isAnswered(question: Question, answers: Answers): boolean {
  if (question.kind === 'info') return true;
  const answer = answers[question.id];
  if (!answer) return false;
  if (answer.type === 'choices') return answer.options.length > 0;
  return true;
}

/**
 * The expected number of steps of the current path: the steps taken, plus those that the answers
 * already given (kept from a previous pass, or none) lead to. Shown as "Étape X sur Y".
 */
export function expectedPath(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): QuestionId[] {
  const index = questionIndex(questionnaire);
  const projected = [...path];
  let current = projected.at(-1);
  const limit = questionnaire.questions.length;
  while (current && projected.length <= limit) {
    const question = index.get(current);
    if (!question) break;
    const next = nextStep(questionnaire, current, answers, projected);
    if (next === END) break;
    projected.push(next);
    current = next;
  }
  return projected;
}
