import { assign, setup } from 'xstate';
import { END, isAnswered, nextRules } from './navigation.ts';
import { answersOnPath, evaluate, evaluationFor, questionIndex } from './scoring.ts';
import type { Answers, Condition, ExerciseResult, OptionId, Questionnaire, QuestionId } from './types.ts';

/** The state the person sees once the path has ended. */
export const RESULT_STATE = 'result';

export interface QuestionnaireContext {
  /** Every answer ever given, kept when the person goes back and takes another branch. */
  answers: Answers;
  /** The questions on the current path, the current one last. */
  path: QuestionId[];
}

export type QuestionnaireEvent =
  | { type: 'answer.select'; option: OptionId }
  | { type: 'exercise.done'; result: ExerciseResult }
  | { type: 'nav.next' }
  | { type: 'nav.back' }
  | { type: 'nav.restart' };

/**
 * Compiles a questionnaire into an XState machine: one state per question, one `result` state.
 * Branches are guarded transitions whose conditions the pure core evaluates, so the machine is
 * the questionnaire's chart and `xstate/graph` can walk it.
 */
export function createQuestionnaireMachine(questionnaire: Questionnaire) {
  const index = questionIndex(questionnaire);
  const initialContext = (): QuestionnaireContext => ({ answers: {}, path: [questionnaire.start] });

  const base = setup({
    types: {
      context: {} as QuestionnaireContext,
      events: {} as QuestionnaireEvent,
    },
    guards: {
      isOption: ({ event }, params: { question: QuestionId }) =>
        event.type === 'answer.select' && (index.get(params.question)?.options ?? []).some((o) => o.id === event.option),
      isAnswered: ({ context }, params: { question: QuestionId }) => {
        const question = index.get(params.question);
        return question !== undefined && isAnswered(question, context.answers);
      },
      branchHolds: ({ context }, params: { question: QuestionId; condition: Condition }) => {
        const question = index.get(params.question);
        if (!question || !isAnswered(question, context.answers)) return false;
        return evaluate(params.condition, evaluationFor(questionnaire, answersOnPath(context.answers, context.path)));
      },
      cameFrom: ({ context }, params: { question: QuestionId }) => context.path.at(-2) === params.question,
      endedAt: ({ context }, params: { question: QuestionId }) => context.path.at(-1) === params.question,
    },
    actions: {
      select: assign(({ context, event }, params: { question: QuestionId }) => {
        if (event.type !== 'answer.select') return {};
        const question = index.get(params.question);
        if (question?.kind === 'multiple') {
          const previous = context.answers[params.question];
          const chosen = previous?.type === 'choices' ? previous.options : [];
          const standsAlone = new Set((question.options ?? []).filter((o) => o.exclusive).map((o) => o.id));
          // An answer that stands alone ("Aucun") unticks the others, and any other answer unticks it.
          const options = chosen.includes(event.option)
            ? chosen.filter((o) => o !== event.option)
            : standsAlone.has(event.option)
              ? [event.option]
              : [...chosen.filter((o) => !standsAlone.has(o)), event.option];
          // Keep the questionnaire's option order, whatever the order of clicks.
          const ordered = (question.options ?? []).map((o) => o.id).filter((id) => options.includes(id));
          return { answers: { ...context.answers, [params.question]: { type: 'choices', options: ordered } } };
        }
        return { answers: { ...context.answers, [params.question]: { type: 'choice', option: event.option } } };
      }),
      recordExercise: assign(({ context, event }, params: { question: QuestionId }) => {
        if (event.type !== 'exercise.done') return {};
        return { answers: { ...context.answers, [params.question]: { type: 'exercise', result: event.result } } };
      }),
      advance: assign(({ context }, params: { to: QuestionId }) => ({ path: [...context.path, params.to] })),
      retreat: assign(({ context }) => ({ path: context.path.slice(0, -1) })),
      reset: assign(() => initialContext()),
    },
  });

  type Transition = { target: string; guard?: unknown; actions?: unknown };
  const predecessors = new Map<QuestionId, Set<QuestionId>>();
  const endings = new Set<QuestionId>();
  for (const question of questionnaire.questions) {
    for (const rule of nextRules(questionnaire, question)) {
      if (rule.goto === END) endings.add(question.id);
      else {
        const set = predecessors.get(rule.goto) ?? new Set();
        set.add(question.id);
        predecessors.set(rule.goto, set);
      }
    }
  }
  const backTo = (from: Iterable<QuestionId>): Transition[] =>
    [...from].map((id) => ({ target: id, guard: { type: 'cameFrom', params: { question: id } }, actions: 'retreat' }));

  const states: Record<string, object> = {};
  for (const question of questionnaire.questions) {
    const id = question.id;
    const next: Transition[] = nextRules(questionnaire, question).map((rule) => {
      const guard = rule.if
        ? { type: 'branchHolds', params: { question: id, condition: rule.if } }
        : { type: 'isAnswered', params: { question: id } };
      return rule.goto === END
        ? { target: RESULT_STATE, guard }
        : { target: rule.goto, guard, actions: { type: 'advance', params: { to: rule.goto } } };
    });
    const on: Record<string, unknown> = {
      'nav.next': next,
      'nav.back': backTo(predecessors.get(id) ?? []),
    };
    if (question.kind === 'exercise') on['exercise.done'] = { actions: { type: 'recordExercise', params: { question: id } } };
    else if (question.kind !== 'info') {
      on['answer.select'] = { guard: { type: 'isOption', params: { question: id } }, actions: { type: 'select', params: { question: id } } };
    }
    states[id] = { on };
  }
  states[RESULT_STATE] = {
    on: { 'nav.back': [...endings].map((id) => ({ target: id, guard: { type: 'endedAt', params: { question: id } } })) },
  };

  return base.createMachine({
    id: questionnaire.id,
    initial: questionnaire.start,
    context: initialContext,
    on: { 'nav.restart': { target: `.${questionnaire.start}`, actions: 'reset' } },
    // The state config is built from data; setup() has typed every guard and action it names.
    states: states as never,
  });
}

export type QuestionnaireMachine = ReturnType<typeof createQuestionnaireMachine>;
