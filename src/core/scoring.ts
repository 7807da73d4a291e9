import type {
  Answer,
  Answers,
  AreaId,
  AreaLevel,
  AreaResult,
  Condition,
  FlagId,
  Gap,
  Outcome,
  ProfileId,
  Question,
  QuestionId,
  Questionnaire,
  StepId,
} from './types.ts';

/** What conditions are evaluated against: the answers on the current path and what follows from them. */
export interface Evaluation {
  answers: Answers;
  areas: AreaResult[];
  scores: ReadonlyMap<AreaId | 'global', number | null>;
  flags: ReadonlySet<FlagId>;
}

/** Only the answers of questions on the path count: a branch left by going back no longer weighs. */
export function answersOnPath(answers: Answers, path: readonly QuestionId[]): Answers {
  const kept: Answers = {};
  for (const id of path) {
    const answer = answers[id];
    if (answer) kept[id] = answer;
  }
  return kept;
}

function optionIdsOf(answer: Answer | undefined): string[] {
  if (!answer) return [];
  if (answer.type === 'choice') return [answer.option];
  if (answer.type === 'choices') return answer.options;
  return [answer.result.outcome];
}

/** Evaluates one condition of the closed vocabulary; unknown shapes are rejected by the validator, never here. */
export function evaluate(condition: Condition, env: Evaluation): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, env));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, env));
  if ('not' in condition) return !evaluate(condition.not, env);
  if ('flag' in condition) return env.flags.has(condition.flag);
  if ('answered' in condition) return env.answers[condition.answered] !== undefined;
  if ('score' in condition) {
    const score = env.scores.get(condition.score);
    if (score === null || score === undefined) return false;
    return 'atLeast' in condition ? score >= condition.atLeast : score <= condition.atMost;
  }
  const chosen = optionIdsOf(env.answers[condition.answer]);
  if ('is' in condition) return chosen.length === 1 && chosen[0] === condition.is;
  if ('isOneOf' in condition) return chosen.length === 1 && condition.isOneOf.includes(chosen[0] as never);
  return chosen.includes(condition.includes);
}

function positive(n: number | undefined): number {
  return n !== undefined && n > 0 ? n : 0;
}

/** Points earned and possible per area for one answered question. */
function questionPoints(question: Question, answer: Answer, area: AreaId): { points: number; max: number } {
  if (question.kind === 'exercise') {
    const weight = positive(question.exercise?.scores?.[area]);
    if (answer.type !== 'exercise' || answer.result.outcome === 'skipped' || weight === 0) return { points: 0, max: 0 };
    return { points: weight * Math.min(1, Math.max(0, answer.result.score)), max: weight };
  }
  const options = question.options ?? [];
  if (question.kind === 'multiple') {
    const max = options.reduce((sum, o) => sum + positive(o.scores?.[area]), 0);
    const picked = answer.type === 'choices' ? answer.options : [];
    const points = options.filter((o) => picked.includes(o.id)).reduce((s, o) => s + positive(o.scores?.[area]), 0);
    return { points, max };
  }
  const max = options.reduce((m, o) => Math.max(m, positive(o.scores?.[area])), 0);
  const picked = answer.type === 'choice' ? options.find((o) => o.id === answer.option) : undefined;
  return { points: Math.min(max, positive(picked?.scores?.[area])), max };
}

export function levelOf(score: number, levels: Questionnaire['levels']): AreaLevel {
  if (score >= levels.acquis) return 'acquis';
  if (score >= levels['en-cours']) return 'en-cours';
  return 'a-travailler';
}

/** Area scores 0-100 from the answers on the path: points earned over points the answered questions could give. */
export function scoreAreas(questionnaire: Questionnaire, pathAnswers: Answers): AreaResult[] {
  const byId = questionIndex(questionnaire);
  return questionnaire.areas.map((area) => {
    let points = 0;
    let max = 0;
    for (const [id, answer] of Object.entries(pathAnswers) as [QuestionId, Answer][]) {
      const question = byId.get(id);
      if (!question) continue;
      const p = questionPoints(question, answer, area);
      points += p.points;
      max += p.max;
    }
    const score = max > 0 ? Math.round((points / max) * 100) : null;
    return { area, score, level: score === null ? null : levelOf(score, questionnaire.levels), points, max };
  });
}

/** Flags set by the options chosen on the path, in the questionnaire's declared order. */
export function flagsOf(questionnaire: Questionnaire, pathAnswers: Answers): FlagId[] {
  const byId = questionIndex(questionnaire);
  const set = new Set<FlagId>();
  for (const [id, answer] of Object.entries(pathAnswers) as [QuestionId, Answer][]) {
    const chosen = optionIdsOf(answer);
    for (const option of byId.get(id)?.options ?? []) {
      if (chosen.includes(option.id)) for (const f of option.flags ?? []) set.add(f);
    }
  }
  return questionnaire.flags.filter((f) => set.has(f));
}

function meanScore(areas: AreaResult[]): number | null {
  const measured = areas.filter((a) => a.score !== null);
  if (measured.length === 0) return null;
  return Math.round(measured.reduce((s, a) => s + (a.score ?? 0), 0) / measured.length);
}

/** Everything a condition may look at, for the answers on a path. */
export function evaluationFor(questionnaire: Questionnaire, pathAnswers: Answers): Evaluation {
  const areas = scoreAreas(questionnaire, pathAnswers);
  const scores = new Map<AreaId | 'global', number | null>(areas.map((a) => [a.area, a.score]));
  scores.set('global', meanScore(areas));
  return { answers: pathAnswers, areas, scores, flags: new Set(flagsOf(questionnaire, pathAnswers)) };
}

/** The first profile rule that holds; the validator guarantees the last rule is an unconditional default. */
export function pickProfile(questionnaire: Questionnaire, env: Evaluation): ProfileId {
  for (const rule of questionnaire.profileRules) {
    if (!rule.when || evaluate(rule.when, env)) return rule.profile;
  }
  const last = questionnaire.profileRules.at(-1);
  if (!last) throw new Error(`Questionnaire ${questionnaire.id} has no profile rule`);
  return last.profile;
}

/**
 * Next steps: urgent needs first (flags, in declared order), then the profile's, then the weakest
 * areas'. Each step once; a step whose `when` does not hold for these answers is left out (with
 * `env`: without it, every step counts).
 */
export function recommend(questionnaire: Questionnaire, profile: ProfileId, areas: AreaResult[], flags: FlagId[], env?: Evaluation): StepId[] {
  const { byFlag = {}, byProfile = {}, byAreaLevel = {} } = questionnaire.recommendations;
  const conditions = new Map(questionnaire.recommendations.steps.map((s) => [s.id, s.when]));
  const steps: StepId[] = [];
  const add = (ids: StepId[] | undefined) => {
    for (const id of ids ?? []) {
      const when = conditions.get(id);
      if (!steps.includes(id) && (!when || !env || evaluate(when, env))) steps.push(id);
    }
  };
  for (const flag of flags) add(byFlag[flag]);
  add(byProfile[profile]);
  const weakestFirst = areas
    .filter((a): a is AreaResult & { level: AreaLevel; score: number } => a.level !== null && a.score !== null)
    .sort((a, b) => a.score - b.score);
  for (const area of weakestFirst) add(byAreaLevel[area.area]?.[area.level]);
  return steps;
}

/** The result of a finished path: scores, one profile, flags and next steps. */
export function outcomeOf(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): Outcome {
  const pathAnswers = answersOnPath(answers, path);
  const env = evaluationFor(questionnaire, pathAnswers);
  const { areas } = env;
  const flags = [...env.flags];
  const profile = pickProfile(questionnaire, env);
  return {
    profile,
    areas,
    global: env.scores.get('global') ?? null,
    flags,
    steps: recommend(questionnaire, profile, areas, flags, env),
    gaps: gapsOf(questionnaire, pathAnswers),
  };
}

/** The next steps the person's own result shows: the first `maxForPerson` (all without it); the professional sees them all. */
export function personSteps(questionnaire: Questionnaire, steps: readonly StepId[]): StepId[] {
  const most = questionnaire.recommendations.maxForPerson;
  return most === undefined ? [...steps] : steps.slice(0, most);
}

/** Declared at or above this share of a question's points (seul·e, je pourrais montrer) and the exercise failed: over-rated. */
export const GAP_DECLARED_ABLE = 0.75;
/** Declared at or below this share (je ne sais pas faire, avec de l'aide) and the exercise succeeded: under-rated. */
export const GAP_DECLARED_UNABLE = 0.25;

/**
 * Where an exercise strongly disagrees with the self-rating it `checks`, both on the path: one gap
 * per exercise, in the exercise's heaviest area where the declared answer weighs too (the share of
 * that question's points the answer earned there). A partial result or a skipped exercise is no
 * disagreement; neither is a declared question with no points in the exercise's areas.
 */
export function gapsOf(questionnaire: Questionnaire, pathAnswers: Answers): Gap[] {
  const byId = questionIndex(questionnaire);
  const gaps: Gap[] = [];
  for (const [id, answer] of Object.entries(pathAnswers) as [QuestionId, Answer][]) {
    const exercise = byId.get(id);
    const checks = exercise?.exercise?.checks;
    if (!exercise || !checks || answer.type !== 'exercise') continue;
    const { outcome } = answer.result;
    if (outcome !== 'success' && outcome !== 'failure') continue;
    const declared = byId.get(checks);
    const declaredAnswer = pathAnswers[checks];
    if (!declared || !declaredAnswer) continue;
    const areas = Object.entries(exercise.exercise?.scores ?? {})
      .filter(([, w]) => positive(w) > 0)
      .sort((a, b) => positive(b[1]) - positive(a[1]))
      .map(([area]) => area as AreaId);
    // The exercise's main area in which the declared question weighs (the exercise's other areas are secondary).
    const area = areas.find((a) => questionPoints(declared, declaredAnswer, a).max > 0);
    if (!area) continue;
    const { points, max } = questionPoints(declared, declaredAnswer, area);
    const share = points / max;
    if (outcome === 'failure' && share >= GAP_DECLARED_ABLE) gaps.push({ area, question: checks, exercise: id, direction: 'over' });
    if (outcome === 'success' && share <= GAP_DECLARED_UNABLE) gaps.push({ area, question: checks, exercise: id, direction: 'under' });
  }
  return gaps;
}

const indexCache = new WeakMap<Questionnaire, Map<QuestionId, Question>>();
/** Questions by id, computed once per questionnaire object. */
export function questionIndex(questionnaire: Questionnaire): Map<QuestionId, Question> {
  let index = indexCache.get(questionnaire);
  if (!index) {
    index = new Map(questionnaire.questions.map((q) => [q.id, q]));
    indexCache.set(questionnaire, index);
  }
  return index;
}
