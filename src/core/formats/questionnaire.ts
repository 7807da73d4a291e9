// The questionnaire format (questionnaires/<id>/questionnaire.json), declared once: its TypeScript
// types (re-exported by types.ts), the structural check of loadQuestionnaire() and
// questionnaires/schema.json (npm run schemas) all come from here. References between ids,
// reachability, loops and texts are the core's checks on top (validate.ts).
import * as v from 'valibot';
import { EXERCISE_COUNTS, EXERCISE_TYPES } from '../exercises.ts';
import { COOP_AUTONOMIE, COOP_REDIRECTIONS } from '../coop-values.ts';
import { DSI_AREAS, END, QUESTION_KINDS, YES_NO_OPTIONS } from './values.ts';

export { AREA_LEVELS, END, EXERCISE_OUTCOMES, QUESTION_KINDS, YES_NO_OPTIONS, type AreaLevel, type ExerciseOutcome } from './values.ts';
import { describeValue, suggest, type ProblemCode } from '../problems.ts';
import {
  alternatives,
  forbidden,
  id,
  languageCode,
  list,
  number,
  object,
  oneOfValues,
  optionalKeys,
  withEntries,
  plainObject,
  problem,
  record,
  sayProblem,
  text,
} from './kit.ts';

export const STEP_KINDS = ['help', 'workshop', 'place', 'equipment', 'info'] as const;
export const STEP_LEVELS = ['debutant', 'intermediaire', 'avance'] as const;

// ---- ids, each of its own kind ----------------------------------------------------------------

// Shared, so the generated JSON Schema names each kind of id once (#/$defs/questionId…).
const questionnaireId = v.pipe(id(), v.brand('QuestionnaireId'));
const questionId = v.pipe(id(), v.brand('QuestionId'));
const optionId = v.pipe(id(), v.brand('OptionId'));
export const areaId = v.pipe(id(), v.brand('AreaId'));
const profileId = v.pipe(id(), v.brand('ProfileId'));
const flagId = v.pipe(id(), v.brand('FlagId'));
const stepId = v.pipe(id(), v.brand('StepId'));
export type QuestionnaireId = v.InferOutput<typeof questionnaireId>;
export type QuestionId = v.InferOutput<typeof questionId>;
export type OptionId = v.InferOutput<typeof optionId>;
export type AreaId = v.InferOutput<typeof areaId>;
export type ProfileId = v.InferOutput<typeof profileId>;
export type FlagId = v.InferOutput<typeof flagId>;
export type StepId = v.InferOutput<typeof stepId>;

/** "end", or a question id. */
const end = v.literal(END);
const target = alternatives([end, questionId], (input) => (input === END ? end : questionId));
const percent = number(0, 100);
const pictogram = v.pipe(text(), v.description('A file name in pictograms/, without .svg.'));
const scores = v.pipe(record(areaId, percent), v.description('Points per area (area id → 0-100).'));

/** What a variant says when its discriminating key is missing or holds no known value. */
/* @__NO_SIDE_EFFECTS__ */
function discriminated(key: string, code: ProblemCode, known: readonly string[]) {
  return (issue: v.BaseIssue<unknown>): string => {
    if (issue.input === undefined) return sayProblem('key.required', { key }, true);
    const wrong = typeof issue.input === 'string' ? issue.input : describeValue(issue.input);
    return sayProblem(code, { kind: wrong, type: wrong, id: wrong, known: known.join(', '), suggestion: suggest(wrong, known) ?? '' });
  };
}

// ---- conditions ---------------------------------------------------------------------------------

/** A branching or profile condition: a closed vocabulary of JSON objects, never code. */
export type Condition =
  | { answer: QuestionId; is: OptionId }
  | { answer: QuestionId; isOneOf: OptionId[] }
  | { answer: QuestionId; includes: OptionId }
  | { answered: QuestionId }
  | { score: AreaId | 'global'; atLeast: number }
  | { score: AreaId | 'global'; atMost: number }
  | { flag: FlagId }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
type ConditionInput =
  | { answer: string; is: string }
  | { answer: string; isOneOf: string[] }
  | { answer: string; includes: string }
  | { answered: string }
  | { score: string; atLeast: number }
  | { score: string; atMost: number }
  | { flag: string }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

// Calls in a recursive definition are marked pure: bundlers keep a cycle of unmarked calls in every bundle that imports this module.
const nested = /* @__PURE__ */ v.lazy(() => condition);
const global = v.literal('global');
const scoredArea = alternatives([global, areaId], (input) => (input === 'global' ? global : areaId));

/**
 * The conditions, built in a function: a recursive definition at the top of a module is a cycle
 * bundlers keep in every bundle that imports the module, used or not.
 */
/* @__NO_SIDE_EFFECTS__ */
function conditions(): v.GenericSchema<ConditionInput, Condition> {
  const nested = v.lazy(() => schema);
  const shapes = [
    object({ answer: questionId, is: optionId }),
    object({ answer: questionId, isOneOf: list(optionId, { min: 1 }) }),
    object({ answer: questionId, includes: optionId }),
    object({ answered: questionId }),
    object({ score: scoredArea, atLeast: percent }),
    object({ score: scoredArea, atMost: percent }),
    object({ flag: flagId }),
    object({ all: list(nested, { min: 1 }) }),
    object({ any: list(nested, { min: 1 }) }),
    object({ not: nested }),
  ];
  const forms = shapes.map((shape) => Object.keys(shape.entries).sort().join(','));
  // The shape a condition is, by its keys; a message when it is none.
  const shapeOf = (input: unknown) => {
    if (!plainObject(input)) return sayProblem('type.object', { actual: describeValue(input) });
    const keys = Object.keys(input as object);
    return shapes[forms.indexOf([...keys].sort().join(','))] ?? sayProblem('condition.shape', { keys: keys.join(', ') || '∅' });
  };
  const schema: v.GenericSchema<ConditionInput, Condition> = v.pipe(alternatives(shapes, shapeOf), v.description('A closed vocabulary: no code strings.'));
  return schema;
}
export const condition = conditions();

// ---- questions ----------------------------------------------------------------------------------

const rule = object({ if: v.optional(condition), goto: target });
const next =
  v.pipe(
    alternatives([target, list(rule, { min: 1 })], (input) => (typeof input === 'string' ? target : Array.isArray(input) ? list(rule, { min: 1 }) : sayProblem('type.array', { actual: describeValue(input) }))),
    v.description('A question id, "end", or ordered rules [{ "if": condition, "goto": id }, …, { "goto": id }]: the first rule that holds wins, the last one has no "if". Omitted: the next question in the list.'),
  );

const optionEntries = { id: optionId, scores: v.optional(scores), flags: v.optional(list(flagId, { min: 1 })), pictogram: v.optional(pictogram) };
const option = object(withEntries(optionEntries, { exclusive: forbidden('options.exclusive') }));
const multipleOption = object(
  withEntries(optionEntries, {
    exclusive: v.optional(v.pipe(v.boolean(problem('type.boolean', (input) => ({ actual: describeValue(input) }))), v.description('An answer that stands alone ("Aucun"): ticking it unticks the others, ticking another unticks it.'))),
  }),
);
const yesNoOption = object(withEntries(optionEntries, { id: v.pipe(oneOfValues(YES_NO_OPTIONS, 'options.yes-no'), v.brand('OptionId')), exclusive: forbidden('options.exclusive') }));
const optionList = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T) => list(item, { min: 2, fewCode: 'options.count' });
const needsOptions = { missing: { options: { code: 'options.count', params: { count: 0 }, onKey: true } } } as const;

const shared = { id: questionId, pictogram: v.optional(pictogram), next: v.optional(next) };

/** An outside address the person may visit later (https); the app never fetches it. */
const outsideLink = /* @__NO_SIDE_EFFECTS__ */ () =>
  v.pipe(
    v.string(problem('type.string', (input) => ({ actual: describeValue(input) }))),
    v.regex(/^https:\/\/[^\s/]+\.\S+$/, problem('step.link', (input) => ({ link: String(input) }))),
    v.description('An outside address the person may visit later (https); the app never fetches it.'),
  );
/** A link an info screen offers: its address here, its words in questions.<id>.links.<link id>. */
const infoLink = object({ id: id(), link: outsideLink() });
const choice = withEntries(shared, { exercise: forbidden('exercise.forbidden') });

// Exercises: the settings each kind takes; a setting of another kind is refused by name.
const count = /* @__NO_SIDE_EFFECTS__ */ (name: keyof typeof EXERCISE_COUNTS) => {
  const [min, max] = EXERCISE_COUNTS[name] ?? [0, 0];
  return v.optional(number(min, max, true));
};
/* @__NO_SIDE_EFFECTS__ */
function settings<const E extends v.ObjectEntries>(own: E) {
  const known = [...Object.keys(own), 'maxMisses', 'tolerance'].join(', ');
  const no = forbidden('exercise.setting', { known });
  const none = { targets: no, size: no, lines: no, word: no, choices: no, correct: no };
  const entries = { ...none, maxMisses: count('maxMisses'), tolerance: count('tolerance'), ...own } as Omit<typeof none, keyof E> & { maxMisses: ReturnType<typeof count>; tolerance: ReturnType<typeof count> } & E;
  return optionalKeys(entries, { unknown: { '*': 'exercise.setting' } });
}
const choiceSettings = settings({
  choices: v.pipe(text(), v.description('Comma-separated answer ids; each text in questions.<id>.choices.<choice>.')),
  correct: v.pipe(text(), v.description('The right answer, one of the choices.')),
});
const exerciseEntries = {
  scores: v.optional(v.pipe(scores, v.description('Points in each area for a success; a partial success earns half, a skipped exercise does not count.'))),
  checks: v.optional(v.pipe(questionId, v.description('The self-rating question (scale, single or yes-no, asked before) this exercise checks: a strong disagreement is shown to the professional, with the texts questions.<id>.gap.over and .gap.under.'))),
};
const needsSettings = (first: string) => ({ missing: { settings: { code: 'exercise.setting-missing', params: { key: first }, onKey: true } } }) as const;
const exercise = v.variant(
  'type',
  [
    object(withEntries(exerciseEntries, { type: v.literal('click-target'), settings: v.optional(settings({ targets: count('targets'), size: count('size') })) })),
    object(withEntries(exerciseEntries, { type: oneOfValues(['double-click', 'drag-drop']), settings: v.optional(settings({ targets: count('targets') })) })),
    object(withEntries(exerciseEntries, { type: v.literal('type-word'), settings: settings({ word: v.pipe(text(), v.description('The word to type; case, accents and spaces do not matter.')) }) }), needsSettings('word')),
    object(withEntries(exerciseEntries, { type: v.literal('scroll-find'), settings: v.optional(settings({ lines: count('lines') })) })),
    object(withEntries(exerciseEntries, { type: oneOfValues(['pick-email', 'spot-phishing', 'find-official-site']), settings: choiceSettings }), needsSettings('choices')),
  ],
  discriminated('type', 'exercise.type', EXERCISE_TYPES),
);

export const question = v.variant(
  'kind',
  [
    object(withEntries(choice, { kind: v.pipe(oneOfValues(['single', 'scale']), v.description('scale options go from weakest to strongest.')), options: optionList(option) }), needsOptions),
    object(withEntries(choice, { kind: v.literal('multiple'), options: optionList(multipleOption) }), needsOptions),
    object(withEntries(choice, { kind: v.pipe(v.literal('yes-no'), v.description('Options among oui, non and ne-sais-pas.')), options: optionList(yesNoOption) }), needsOptions),
    object(
      withEntries(shared, {
        kind: v.pipe(v.literal('info'), v.description('A screen without answer: questions.<id>.text is its heading, the optional questions.<id>.body its text.')),
        links: v.optional(v.pipe(list(infoLink, { min: 1 }), v.description('Outside addresses the screen offers, in order; each one\'s words in questions.<id>.links.<link id>.'))),
        options: forbidden('options.forbidden'),
        exercise: forbidden('exercise.forbidden'),
      }),
    ),
    object(withEntries(shared, { kind: v.literal('exercise'), options: forbidden('options.forbidden'), exercise }), { missing: { exercise: { code: 'exercise.missing', onKey: true } } }),
  ],
  discriminated('kind', 'kind.unknown', QUESTION_KINDS),
);

// ---- the whole file -----------------------------------------------------------------------------

const step = object({
  id: stepId,
  kind: oneOfValues(STEP_KINDS, 'kind.unknown'),
  areas: v.optional(list(areaId)),
  level: v.optional(oneOfValues(STEP_LEVELS, 'reference.level')),
  link: v.optional(outsideLink()),
  phone: v.optional(text()),
  when: v.optional(v.pipe(condition, v.description('Recommended only when this holds (for example not to people who said they do not want to learn, unless they asked).'))),
});
const stepList = /* @__NO_SIDE_EFFECTS__ */ () => list(stepId);

// ---- blocks for other formats (docs/formats.md) -----------------------------------------------

/** Where a result sends the person on, for the Coop's `structure_de_redirection`: by a flag, the profile or a next step. */
const coopRuleShapes = [
  object({ flag: flagId, structure: oneOfValues(COOP_REDIRECTIONS) }),
  object({ profile: profileId, structure: oneOfValues(COOP_REDIRECTIONS) }),
  object({ step: stepId, structure: oneOfValues(COOP_REDIRECTIONS) }),
] as const;
const coopRule = alternatives(coopRuleShapes, (input) => {
  if (!plainObject(input)) return sayProblem('type.object', { actual: describeValue(input) });
  const keys = Object.keys(input as object);
  const by = (['flag', 'profile', 'step'] as const).filter((k) => keys.includes(k));
  const [only] = by;
  if (by.length !== 1 || !only) return sayProblem('condition.shape', { keys: keys.join(', ') || '∅' });
  return only === 'flag' ? coopRuleShapes[0] : only === 'profile' ? coopRuleShapes[1] : coopRuleShapes[2];
});
const coop = v.pipe(
  object({
    autonomie: v.pipe(record(profileId, oneOfValues(COOP_AUTONOMIE)), v.description("Profile id → the Coop's autonomy level: entierement_accompagne, partiellement_autonome or autonome.")),
    redirection: v.optional(v.pipe(list(coopRule), v.description('Ordered: the first rule that holds gives structure_de_redirection.'))),
  }),
  v.description("For the export to La Coop de la médiation numérique's activity report (docs/formats.md); a structure may change it in the app."),
);

const dsiActivity = object({
  id: v.pipe(id(), v.description('The activity, e.g. chercher-information.')),
  area: v.pipe(oneOfValues(DSI_AREAS), v.description('Its DigComp area, as the DSI 2.0 names them.')),
  when: v.pipe(condition, v.description('When the answers (or an exercise) show the activity done.')),
});
const dsi = v.pipe(
  object({
    activities: list(dsiActivity, { min: 1 }),
    assessedWhen: v.optional(v.pipe(condition, v.description('When the person is assessed at all (Eurostat: uses the internet); always when left out.'))),
    aboveBasic: v.optional(v.pipe(number(2, 10, true), v.description('Activities an area needs for "above basic"; 2 when left out.'))),
  }),
  v.description("A level in the spirit of Eurostat's Digital Skills Indicator 2.0: which answers count as which activity of which area (docs/formats.md)."),
);

export const questionnaireFormat = v.pipe(
  object({
    $schema: v.optional(v.string()),
    id: v.pipe(questionnaireId, v.description('Must equal the folder name.')),
    version: v.pipe(text(), v.description('Content version; bump it when you change questions.')),
    example: v.optional(v.pipe(v.boolean(problem('type.boolean', (input) => ({ actual: describeValue(input) }))), v.description('A sample of the format: never offered to the public unless settings.json names it.'))),
    languages: v.pipe(list(languageCode(), { min: 1 }), v.description('Languages with a locales/<lang>.json file, e.g. fr, fr-FALC, en.')),
    defaultLanguage: languageCode(),
    areas: v.pipe(list(areaId, { min: 1 }), v.description('Competence areas scored 0-100 (acces, prise-en-main, internet, communication, demarches, securite).')),
    flags: v.pipe(list(flagId), v.description('Context flags an option may set (language, reading, equipment, urgent procedure…). They change the orientation, not the score.')),
    profiles: v.pipe(list(profileId, { min: 1 }), v.description('Profiles from least to most autonomous.')),
    levels: v.pipe(object({ 'en-cours': percent, acquis: percent }), v.description('Lower bounds of the area levels: below en-cours is a-travailler.')),
    start: v.pipe(questionId, v.description('The first question.')),
    skipSettled: v.optional(
      v.pipe(
        v.boolean(problem('type.boolean', (input) => ({ actual: describeValue(input) }))),
        v.description('Pass over a question whose answer can no longer change the result: it sets no flag, no rule reads it, and the level of every area it counts in is already certain whatever the questions still to come.'),
      ),
    ),
    questions: list(question, { min: 1 }),
    profileRules: v.pipe(
      list(object({ profile: profileId, when: v.optional(condition) }), { min: 1 }),
      v.description('Ordered: the first rule whose `when` holds gives the profile; the last rule has no `when` (the default).'),
    ),
    recommendations: v.pipe(
      object({
        steps: list(step, { min: 1 }),
        byProfile: v.optional(record(profileId, stepList())),
        byAreaLevel: v.optional(record(areaId, optionalKeys({ 'a-travailler': v.optional(stepList()), 'en-cours': v.optional(stepList()), acquis: v.optional(stepList()) }, { unknown: { '*': 'reference.level' } }))),
        byFlag: v.optional(record(flagId, stepList())),
        maxForPerson: v.optional(v.pipe(number(1, 50, true), v.description("How many next steps the person's result shows (the first ones: the flags' come first); the professional sees them all. Omitted: all."))),
      }),
      v.description("Next steps: those of the flags set come first, then the profile's, then those of the weakest areas' levels; each step once."),
    ),
    dsi: v.optional(dsi),
    coop: v.optional(coop),
  }),
  v.title('Repères questionnaire'),
  v.description(
    'The structure of a Repères questionnaire (questionnaires/<id>/questionnaire.json). No prose here: every text lives in locales/<lang>.json. `npm run validate` checks more than this schema can (references, reachability, loops, texts in every language).',
  ),
);

export type Questionnaire = v.InferOutput<typeof questionnaireFormat>;
export type Question = v.InferOutput<typeof question>;
export type QuestionKind = Question['kind'];
export type Option = NonNullable<Question['options']>[number];
export type NextRule = v.InferOutput<typeof rule>;
export type ExerciseSpec = v.InferOutput<typeof exercise>;
export type ProfileRule = Questionnaire['profileRules'][number];
export type StepDefinition = v.InferOutput<typeof step>;
export type Recommendations = Questionnaire['recommendations'];
export type DsiBlock = NonNullable<Questionnaire['dsi']>;
export type CoopBlock = NonNullable<Questionnaire['coop']>;

/** The parts the generated JSON Schema defines once and refers to, by name. */
export function questionnaireDefinitions() {
  return { questionId, optionId, areaId, profileId, flagId, stepId, percent, scores, pictogram, condition, question, exercise, rule, step, dsi, coop };
}
