// Honest progress: "Étape X sur au plus Y", where Y is the longest path still possible from here,
// and the duration a questionnaire announces, from its shortest to its longest possible path.
// Both read the same chart as the branching (navigation.ts), so they cannot promise a path that
// the machine would not take.
import { possibleAnswers } from './explore.ts';
import { END, chartOf, isSettled, knowledgeOf, mayBeSkipped, nextRules, possibleFrom, possibleTargets, type Knowledge } from './navigation.ts';
import { answersOnPath, evaluate, flagsOf } from './scoring.ts';
import type { Answer, Answers, Condition, Question, QuestionId, Questionnaire } from './types.ts';

/** Where a run stands: step `current`, and between `atLeast` and `atMost` steps in all. */
export interface StepBounds {
  current: number;
  atLeast: number;
  atMost: number;
}

/** Seconds a screen takes, by kind: for a duration announced before the first question. */
export const SECONDS_PER_SCREEN: Record<Question['kind'], number> = {
  single: 30,
  multiple: 30,
  'yes-no': 30,
  scale: 30,
  info: 20,
  exercise: 60,
};

/** For each question a branching rule reads, one answer per way the rules can tell answers apart. */
interface Routes {
  /** Representative answers of each question a rule of `next` reads. */
  classes: Map<QuestionId, Answer[]>;
  /** The conditions on answers that still matter from a question on: in its rules or later ones. */
  ahead: Map<QuestionId, Condition[]>;
}

/** The atomic conditions of a condition. */
function atoms(condition: Condition, out: Condition[] = []): Condition[] {
  if ('all' in condition) condition.all.forEach((c) => atoms(c, out));
  else if ('any' in condition) condition.any.forEach((c) => atoms(c, out));
  else if ('not' in condition) atoms(condition.not, out);
  else out.push(condition);
  return out;
}

/** The question an atomic condition on answers reads. */
const readOf = (atom: Condition): QuestionId => ('answer' in atom ? atom.answer : 'answered' in atom ? atom.answered : ('' as QuestionId));

/** More ways than this to answer one question, and the routes treat its answer as unknown (still sound, only wider). */
const MOST_CLASSES = 64;

const routesCache = new WeakMap<Questionnaire, Routes>();
function routesOf(questionnaire: Questionnaire): Routes {
  const cached = routesCache.get(questionnaire);
  if (cached) return cached;
  const chart = chartOf(questionnaire);
  const byQuestion = new Map<QuestionId, Condition[]>();
  const readBy = new Map<QuestionId, Set<Condition>>();
  for (const question of questionnaire.questions) {
    const read = new Set<Condition>();
    for (const rule of nextRules(questionnaire, question)) {
      if (!rule.if) continue;
      for (const atom of atoms(rule.if)) {
        const id = 'answer' in atom ? atom.answer : 'answered' in atom ? atom.answered : undefined;
        if (id === undefined) continue;
        read.add(atom);
        const list = byQuestion.get(id) ?? [];
        list.push(atom);
        byQuestion.set(id, list);
      }
    }
    readBy.set(question.id, read);
  }
  const classes = new Map<QuestionId, Answer[]>();
  for (const [id, conditions] of byQuestion) {
    const question = chart.index.get(id);
    if (!question) continue;
    let candidates: Answer[];
    if (question.kind === 'multiple') {
      const options = (question.options ?? []).map((o) => o.id);
      const referenced = [...new Set(conditions.flatMap((c) => ('includes' in c ? [c.includes] : [])))].filter((o) => options.includes(o));
      if (2 ** referenced.length > MOST_CLASSES) continue;
      const other = options.find((o) => !referenced.includes(o));
      candidates = [];
      for (let mask = 0; mask < 2 ** referenced.length; mask++) {
        const picked = referenced.filter((_, i) => mask & (2 ** i));
        if (picked.length) candidates.push({ type: 'choices', options: picked });
        else if (other !== undefined) candidates.push({ type: 'choices', options: [other] });
      }
    } else {
      candidates = possibleAnswers(question);
    }
    const seen = new Set<string>();
    const kept: Answer[] = [];
    for (const answer of candidates) {
      const env = { answers: { [id]: answer } as Answers, areas: [], scores: new Map(), flags: new Set<never>() };
      const signature = conditions.map((c) => (evaluate(c, env) ? 1 : 0)).join('');
      if (!seen.has(signature)) {
        seen.add(signature);
        kept.push(answer);
      }
    }
    classes.set(id, kept);
  }
  const ahead = new Map<QuestionId, Condition[]>();
  for (const question of questionnaire.questions) {
    const matters = new Map<string, Condition>();
    for (const id of [question.id, ...(chart.after.get(question.id) ?? [])]) for (const atom of readBy.get(id) ?? []) matters.set(JSON.stringify(atom), atom);
    ahead.set(question.id, [...matters.values()].filter((atom) => classes.has(readOf(atom))));
  }
  const routes = { classes, ahead };
  routesCache.set(questionnaire, routes);
  return routes;
}

/**
 * The shortest and longest possible rest of the path from `from` (itself included), given what is
 * known. The rest is walked route by route: where a rule reads an answer still to come, each way
 * of answering that the rules tell apart is tried, so two branches that exclude each other are
 * never counted on one path. Each question is weighed by `weigh`; the skipping rule counts where it
 * is already sure (for the longest) or where it could pass over a question (for the shortest).
 */
function spans(questionnaire: Questionnaire, from: QuestionId, known: Knowledge, knownPath: readonly QuestionId[], weigh: (question: Question) => number): { shortest: number; longest: number } {
  const chart = chartOf(questionnaire);
  const { classes, ahead } = routesOf(questionnaire);
  const possible = possibleFrom(questionnaire, from, known, chart);
  const settled = new Map<QuestionId, boolean>();
  const surelySkipped = (id: QuestionId) => {
    let value = settled.get(id);
    if (value === undefined) settled.set(id, (value = id !== from && isSettled(questionnaire, id, known.answers, knownPath, possible)));
    return value;
  };
  const memo = new Map<string, { shortest: number; longest: number }>();
  const open = (id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>) => known.open.has(id) && !assumed.has(id);

  const visit = (id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>, depth: number): { shortest: number; longest: number } => {
    const ways = classes.get(id);
    if (!ways || !open(id, assumed)) return rest(id, assumed, depth);
    let shortest = Infinity;
    let longest = 0;
    for (const answer of ways) {
      const span = rest(id, new Map([...assumed, [id, answer]]), depth);
      shortest = Math.min(shortest, span.shortest);
      longest = Math.max(longest, span.longest);
    }
    return { shortest, longest };
  };

  const rest = (id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>, depth: number): { shortest: number; longest: number } => {
    // Routes that agree on every condition still ahead have the same rest.
    let key = `${id}|`;
    if (assumed.size) {
      const env = { answers: Object.fromEntries(assumed) as Answers, areas: [], scores: new Map(), flags: new Set<never>() };
      for (const atom of ahead.get(id) ?? []) key += assumed.has(readOf(atom)) ? (evaluate(atom, env) ? '1' : '0') : '?';
    }
    const done = memo.get(key);
    if (done) return done;
    const question = chart.index.get(id);
    const weight = question ? weigh(question) : 0;
    let shortest = Infinity;
    let longest = 0;
    if (depth <= questionnaire.questions.length) {
      const answers = { ...known.answers, ...Object.fromEntries(assumed) };
      // Still to be answered on this route: not assumed, and either ahead of this question or read by
      // no rule (a question a rule reads was given an answer when the route went through it).
      const after = chart.after.get(id);
      const stillOpen = (q: QuestionId) => known.open.has(q) && !assumed.has(q) && (q === id || after?.has(q) === true || !classes.has(q));
      const situation: Knowledge = {
        answers,
        open: { has: stillOpen, *[Symbol.iterator]() { for (const q of known.open) if (stillOpen(q)) yield q; } },
        flags: assumed.size && chart.readsFlags ? new Set([...known.flags, ...flagsOf(questionnaire, answers)]) : known.flags,
      };
      for (const to of possibleTargets(questionnaire, id, situation, chart)) {
        const after = to === END ? { shortest: 0, longest: 0 } : visit(to, assumed, depth + 1);
        shortest = Math.min(shortest, after.shortest);
        longest = Math.max(longest, after.longest);
      }
    }
    const maybeSkipped = id !== from && mayBeSkipped(questionnaire, id);
    const result = { shortest: (maybeSkipped ? 0 : weight) + (shortest === Infinity ? 0 : shortest), longest: (surelySkipped(id) ? 0 : weight) + longest };
    memo.set(key, result);
    return result;
  };
  return visit(from, new Map(), 0);
}

/**
 * "Étape X sur Y": X is the step on screen, Y the most steps the path can still have, computed
 * without the answer on screen (so that ticking an answer never changes it) and with everything
 * answered before. Going forward only adds what is known, so Y never grows and the bar never goes
 * back; `atLeast` equals `atMost` once the rest of the path is certain.
 */
export function stepBounds(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): StepBounds {
  const current = path.at(-1);
  if (current === undefined) return { current: 0, atLeast: 0, atMost: 0 };
  const before = path.slice(0, -1);
  const pathAnswers = answersOnPath(answers, before);
  // Every run starts the same way: the first screens are computed once.
  const key = `${path.join(',')}|${JSON.stringify(pathAnswers)}`;
  let cache = boundsCache.get(questionnaire);
  if (!cache || cache.size > 200) boundsCache.set(questionnaire, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const known = knowledgeOf(questionnaire, pathAnswers, before, current);
  const { shortest, longest } = spans(questionnaire, current, known, before, () => 1);
  const bounds = { current: path.length, atLeast: before.length + shortest, atMost: before.length + longest };
  cache.set(key, bounds);
  return bounds;
}
const boundsCache = new WeakMap<Questionnaire, Map<string, StepBounds>>();

/** The duration a questionnaire announces on its start screen, in whole minutes, from its shortest to its longest path. */
export function durationRange(questionnaire: Questionnaire): { min: number; max: number } {
  const start = questionnaire.start;
  const known = knowledgeOf(questionnaire, {}, [], start);
  const { shortest, longest } = spans(questionnaire, start, known, [], (q) => SECONDS_PER_SCREEN[q.kind]);
  const min = Math.max(1, Math.floor(shortest / 60));
  return { min, max: Math.max(min, Math.ceil(longest / 60)) };
}

/** The seconds a path takes at the pace `durationRange` assumes. */
export function pathSeconds(questionnaire: Questionnaire, path: readonly QuestionId[]): number {
  const index = chartOf(questionnaire).index;
  return path.reduce((sum, id) => sum + SECONDS_PER_SCREEN[index.get(id)?.kind ?? 'single'], 0);
}
