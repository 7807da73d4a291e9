// The questionnaire format and the records built from it. Everything here is plain JSON data.

declare const brand: unique symbol;
/** A string that TypeScript keeps apart from other strings, so ids of different kinds never mix. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type QuestionnaireId = Brand<string, 'QuestionnaireId'>;
export type QuestionId = Brand<string, 'QuestionId'>;
export type OptionId = Brand<string, 'OptionId'>;
export type AreaId = Brand<string, 'AreaId'>;
export type ProfileId = Brand<string, 'ProfileId'>;
export type FlagId = Brand<string, 'FlagId'>;
export type StepId = Brand<string, 'StepId'>;
export type SessionId = Brand<string, 'SessionId'>;

/** The three levels an area score falls into, from weakest to strongest. */
export const AREA_LEVELS = ['a-travailler', 'en-cours', 'acquis'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'yes-no', 'scale', 'info', 'exercise'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Option ids a yes / no / don't know question may use. */
export const YES_NO_OPTIONS = ['oui', 'non', 'ne-sais-pas'] as const;

/** Outcomes of a hands-on exercise; conditions test them like option ids. */
export const EXERCISE_OUTCOMES = ['success', 'partial', 'failure', 'skipped'] as const;
export type ExerciseOutcome = (typeof EXERCISE_OUTCOMES)[number];

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

export interface Option {
  id: OptionId;
  /** Points this option adds to each area (may be 0; negative values are not allowed). */
  scores?: Partial<Record<AreaId, number>>;
  /** Context flags this option sets (language, reading, equipment, urgent procedure, …). */
  flags?: FlagId[];
  /** Name of an SVG in the questionnaire's pictograms/ folder, without extension. */
  pictogram?: string;
  /** Multiple choice only: an answer that stands alone ("Aucun", "Je préfère ne pas répondre").
   * Ticking it unticks the others; ticking another unticks it. */
  exclusive?: boolean;
}

export interface NextRule {
  if?: Condition;
  /** A question id, or "end" to finish and show the result. */
  goto: QuestionId | 'end';
}

export interface ExerciseSpec {
  /** The exercise kind (click-target, type-word, …); the kinds are defined by the exercise screens. */
  type: string;
  /** Points in each area for a full success; partial success earns a share. */
  scores?: Partial<Record<AreaId, number>>;
  /** Kind-specific settings (target word, number of targets, …): plain data. */
  settings?: Record<string, string | number | boolean>;
  /** The self-rating question this exercise checks: a strong disagreement between the two is shown to the professional. */
  checks?: QuestionId;
}

export interface Question {
  id: QuestionId;
  kind: QuestionKind;
  pictogram?: string;
  options?: Option[];
  exercise?: ExerciseSpec;
  /** Where to go after this question: a question id, "end", or ordered rules (first match wins).
   * Omitted: the next question in the list, or the end after the last one. */
  next?: QuestionId | 'end' | NextRule[];
}

export interface ProfileRule {
  profile: ProfileId;
  /** Omitted on the last rule: the default profile. */
  when?: Condition;
}

export interface StepDefinition {
  id: StepId;
  /** What kind of next step this is, for its icon and for matching workshops and places. */
  kind: 'help' | 'workshop' | 'place' | 'equipment' | 'info';
  /** Areas the step works on, for workshop matching. */
  areas?: AreaId[];
  level?: 'debutant' | 'intermediaire' | 'avance';
  /** An outside address the person may visit later; the app never fetches it. */
  link?: string;
  /** A phone number shown with the step. */
  phone?: string;
}

export interface Recommendations {
  steps: StepDefinition[];
  byProfile?: Partial<Record<ProfileId, StepId[]>>;
  byAreaLevel?: Partial<Record<AreaId, Partial<Record<AreaLevel, StepId[]>>>>;
  byFlag?: Partial<Record<FlagId, StepId[]>>;
}

export interface Questionnaire {
  $schema?: string;
  id: QuestionnaireId;
  /** The content version an editor bumps; records also keep a hash of the content. */
  version: string;
  languages: string[];
  defaultLanguage: string;
  areas: AreaId[];
  flags: FlagId[];
  profiles: ProfileId[];
  /** Lower bounds (0-100) of the "en-cours" and "acquis" levels. */
  levels: { 'en-cours': number; acquis: number };
  start: QuestionId;
  questions: Question[];
  profileRules: ProfileRule[];
  recommendations: Recommendations;
}

/** One locale file: nested keys, string leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

export interface ExerciseResult {
  outcome: ExerciseOutcome;
  /** Share of the exercise done right, 0 to 1. */
  score: number;
  attempts: number;
  misses: number;
  durationMs: number;
  /** Why an exercise was skipped (by the person, or because the skill needs a pointer the person has not). */
  skippedReason?: 'person' | 'no-pointer';
}

export type Answer =
  | { type: 'choice'; option: OptionId }
  | { type: 'choices'; options: OptionId[] }
  | { type: 'exercise'; result: ExerciseResult };

export type Answers = Partial<Record<QuestionId, Answer>>;

/** A questionnaire ready to run: the checked structure, its locales, its pictograms and a content hash. */
export interface LoadedQuestionnaire {
  questionnaire: Questionnaire;
  locales: Record<string, LocaleTree>;
  /** Pictogram name → file path relative to the questionnaire folder. */
  pictograms: Record<string, string>;
  contentHash: string;
}

export interface AreaResult {
  area: AreaId;
  /** 0-100, or null when no answer on the path measured this area. */
  score: number | null;
  level: AreaLevel | null;
  /** Points earned and possible, so a professional can check the score. */
  points: number;
  max: number;
}

/**
 * A strong disagreement between what a person declared and what an exercise observed:
 * `over`, declared able (alone, or could show someone) and the exercise failed;
 * `under`, declared unable (or only with help) and the exercise succeeded.
 */
export interface Gap {
  area: AreaId;
  /** The declared question (the exercise's `checks`). */
  question: QuestionId;
  exercise: QuestionId;
  direction: 'over' | 'under';
}

export interface Outcome {
  profile: ProfileId;
  areas: AreaResult[];
  /** Mean of the measured areas, 0-100. */
  global: number | null;
  flags: FlagId[];
  /** Ordered next steps, each once. */
  steps: StepId[];
  /** Declared-versus-observed disagreements, for the professional only (the kiosk person's result does not show them). */
  gaps: Gap[];
}

/** One entry of questionnaires/index.json, which the build writes and the app reads first. */
export interface QuestionnaireIndexEntry {
  id: string;
  version: string;
  languages: string[];
  defaultLanguage: string;
  contentHash: string;
  /** Pictogram names in the folder, which the browser-side validator needs. */
  pictograms: string[];
  /** What the build checked (see checkedFiles): unchanged files are not checked again in the browser. */
  checked?: CheckedFiles;
}

/** Fingerprints (SHA-256, hex) of a questionnaire's files as the build validated them, and its content hash per language. */
export interface CheckedFiles {
  /** By file name inside the folder ("questionnaire.json", "locales/fr.json"). */
  files: Record<string, string>;
  contentHashes: Record<string, string>;
}
