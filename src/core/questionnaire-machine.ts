import { assign } from 'xstate';
import { setup } from './machine-setup.ts';
import { END, isAnswered, mayBeSkipped, nextRules, nextStep } from './navigation.ts';
import type { AnswerSource } from './pro-record.ts';
import { questionIndex } from './scoring.ts';
import type { Answers, ExerciseResult, OptionId, Questionnaire, QuestionId } from './types.ts';

/** The state the person sees once the path has ended. */
export const RESULT_STATE = 'result';

export interface QuestionnaireContext {
  /** Every answer ever given, kept when the person goes back and takes another branch. */
  answers: Answers;
  /** The questions on the current path, the current one last. */
  path: QuestionId[];
  /** The language the run is shown in: switching keeps the place and the answers. */
  language: string;
  /** A professional's note per question (empty on a kiosk). */
  notes: Partial<Record<QuestionId, string>>;
  /** A professional's note for the whole diagnostic. */
  generalNote: string;
  /** Who answered each question, when not the person (a professional's observation). */
  answeredBy: Partial<Record<QuestionId, AnswerSource>>;
}

export type QuestionnaireEvent =
  | { type: 'answer.select'; option: OptionId }
  | { type: 'exercise.done'; result: ExerciseResult }
  | { type: 'nav.next' }
  | { type: 'nav.back' }
  | { type: 'nav.restart' }
  | { type: 'run.language'; language: string }
  | { type: 'note.question'; question: QuestionId; text: string }
  | { type: 'note.general'; text: string }
  | { type: 'answer.source'; question: QuestionId; source: AnswerSource };

/**
 * Where the path goes from the current question: the next question, END, or undefined while the
 * current question still waits for its answer. The machine's "nav.next" guards ask this one
 * function (nextStep, which also passes over what can no longer change the result), and so do the
 * step counter and the explorations: they cannot disagree.
 * A context is never changed once made (XState's are not: each change makes a new one), so the
 * answer is kept per context: the screen asking whether it may go on and the guards of "nav.next"
 * that follow compute it once.
 */
export function whereNext(questionnaire: Questionnaire, context: Pick<QuestionnaireContext, 'answers' | 'path'>): QuestionId | typeof END | undefined {
  const known = decided.get(context);
  if (known?.questionnaire === questionnaire) return known.to;
  const current = context.path.at(-1);
  const question = current === undefined ? undefined : questionIndex(questionnaire).get(current);
  const to = !question || !isAnswered(question, context.answers) ? undefined : nextStep(questionnaire, question.id, context.answers, context.path);
  decided.set(context, { questionnaire, to });
  return to;
}
const decided = new WeakMap<object, { questionnaire: Questionnaire; to: QuestionId | typeof END | undefined }>();

/**
 * Compiles a questionnaire into an XState machine: one state per question, one `result` state.
 * Each "nav.next" transition names its target (so the machine is the questionnaire's chart and
 * `xstate/graph` can walk it) and is guarded by `whereNext`, the one pure function of branching.
 * The context also carries the run's language and a professional's annotations, so that the
 * stored record derives from the actor's state alone.
 */
export function createQuestionnaireMachine(questionnaire: Questionnaire) {
  const index = questionIndex(questionnaire);
  const initialContext = (language: string): QuestionnaireContext => ({ answers: {}, path: [questionnaire.start], language, notes: {}, generalNote: '', answeredBy: {} });

  const base = setup({
    types: {
      context: {} as QuestionnaireContext,
      events: {} as QuestionnaireEvent,
    },
    guards: {
      isOption: ({ event }, params: { question: QuestionId }) =>
        event.type === 'answer.select' && (index.get(params.question)?.options ?? []).some((o) => o.id === event.option),
      leadsTo: ({ context }, params: { to: QuestionId | typeof END }) => whereNext(questionnaire, context) === params.to,
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
        const previous = context.answers[params.question];
        if (previous?.type === 'choice' && previous.option === event.option) return {};
        return { answers: { ...context.answers, [params.question]: { type: 'choice', option: event.option } } };
      }),
      recordExercise: assign(({ context, event }, params: { question: QuestionId }) => {
        if (event.type !== 'exercise.done') return {};
        return { answers: { ...context.answers, [params.question]: { type: 'exercise', result: event.result } } };
      }),
      advance: assign(({ context }, params: { to: QuestionId }) => ({ path: [...context.path, params.to] })),
      retreat: assign(({ context }) => ({ path: context.path.slice(0, -1) })),
      reset: assign(({ context }) => initialContext(context.language)),
      language: assign(({ context, event }) => (event.type === 'run.language' && event.language !== context.language ? { language: event.language } : {})),
      note: assign(({ context, event }) => {
        if (event.type !== 'note.question' || !index.has(event.question) || (context.notes[event.question] ?? '') === event.text) return {};
        const notes = { ...context.notes };
        if (event.text) notes[event.question] = event.text;
        else delete notes[event.question];
        return { notes };
      }),
      generalNote: assign(({ context, event }) => (event.type === 'note.general' && event.text !== context.generalNote ? { generalNote: event.text } : {})),
      source: assign(({ context, event }) => {
        if (event.type !== 'answer.source' || !index.has(event.question) || (context.answeredBy[event.question] ?? 'person') === event.source) return {};
        const answeredBy = { ...context.answeredBy };
        if (event.source === 'person') delete answeredBy[event.question];
        else answeredBy[event.question] = event.source;
        return { answeredBy };
      }),
    },
  });

  type Transition = { target: string; guard?: unknown; actions?: unknown };
  const predecessors = new Map<QuestionId, Set<QuestionId>>();
  const endings = new Set<QuestionId>();
  const targets = new Map<QuestionId, (QuestionId | typeof END)[]>();
  const gotosOf = (id: QuestionId): (QuestionId | typeof END)[] => {
    const question = index.get(id);
    return question ? nextRules(questionnaire, question).map((rule) => rule.goto) : [END];
  };
  // Where "nav.next" may lead from each question: its rules' targets and, through a question the
  // skipping rule may pass over (`skipSettled`), that question's own targets, in the order a
  // depth-first walk meets them. The walk keeps its own stack (a long chain of questions that may be
  // passed over must not exhaust the call stack) and a set of what it found (a list searched at
  // each step made the work grow with the square of the targets).
  const reachedFrom = (id: QuestionId): (QuestionId | typeof END)[] => {
    const found = new Set<QuestionId | typeof END>();
    const seen = new Set<QuestionId>([id]);
    const stack: { gotos: (QuestionId | typeof END)[]; next: number }[] = [{ gotos: gotosOf(id), next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1] as { gotos: (QuestionId | typeof END)[]; next: number };
      if (top.next === top.gotos.length) {
        stack.pop();
        continue;
      }
      const to = top.gotos[top.next++] as QuestionId | typeof END;
      found.add(to);
      if (to === END || seen.has(to) || !mayBeSkipped(questionnaire, to)) continue;
      seen.add(to);
      stack.push({ gotos: gotosOf(to), next: 0 });
    }
    return [...found];
  };
  for (const question of questionnaire.questions) {
    const goto = reachedFrom(question.id);
    targets.set(question.id, goto);
    for (const to of goto) {
      if (to === END) endings.add(question.id);
      else {
        const set = predecessors.get(to) ?? new Set();
        set.add(question.id);
        predecessors.set(to, set);
      }
    }
  }
  const backTo = (from: Iterable<QuestionId>): Transition[] =>
    [...from].map((id) => ({ target: id, guard: { type: 'cameFrom', params: { question: id } }, actions: 'retreat' }));

  const states: Record<string, object> = {};
  for (const question of questionnaire.questions) {
    const id = question.id;
    const forward: Transition[] = (targets.get(id) ?? []).map((to) =>
      to === END
        ? { target: RESULT_STATE, guard: { type: 'leadsTo', params: { to } } }
        : { target: to, guard: { type: 'leadsTo', params: { to } }, actions: { type: 'advance', params: { to } } },
    );
    const on: Record<string, unknown> = {
      'nav.next': forward,
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
    // The run starts in the questionnaire's default language; "run.language" switches it.
    context: () => initialContext(questionnaire.defaultLanguage),
    on: {
      'nav.restart': { target: `.${questionnaire.start}`, actions: 'reset' },
      'run.language': { actions: 'language' },
      'note.question': { actions: 'note' },
      'note.general': { actions: 'generalNote' },
      'answer.source': { actions: 'source' },
    },
    // The state config is built from data; setup() has typed every guard and action it names.
    states: states as never,
  });
}

export type QuestionnaireMachine = ReturnType<typeof createQuestionnaireMachine>;
