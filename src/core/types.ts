// The questionnaire format and the records built from it. Everything here is plain JSON data.

import type { Brand as ValibotBrand } from 'valibot';

/** A string that TypeScript keeps apart from other strings, so ids of different kinds never mix. */
export type Brand<T, B extends string> = T & ValibotBrand<B>;

// The questionnaire file's types come from its format (formats/questionnaire.ts), the one source
// of its types, its runtime check and questionnaires/schema.json.
import type {
  AreaId,
  FlagId,
  OptionId,
  ProfileId,
  QuestionId,
  Questionnaire,
  StepId,
} from './formats/questionnaire.ts';
export type {
  AreaId,
  Condition,
  ExerciseSpec,
  FlagId,
  NextRule,
  Option,
  OptionId,
  ProfileId,
  ProfileRule,
  Question,
  QuestionId,
  Questionnaire,
  QuestionnaireId,
  QuestionKind,
  Recommendations,
  StepDefinition,
  StepId,
} from './formats/questionnaire.ts';

export type SessionId = Brand<string, 'SessionId'>;

/** The three levels an area score falls into, from weakest to strongest. */
export const AREA_LEVELS = ['a-travailler', 'en-cours', 'acquis'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'yes-no', 'scale', 'info', 'exercise'] as const;

/** Option ids a yes / no / don't know question may use. */
export const YES_NO_OPTIONS = ['oui', 'non', 'ne-sais-pas'] as const;

/** Outcomes of a hands-on exercise; conditions test them like option ids. */
export const EXERCISE_OUTCOMES = ['success', 'partial', 'failure', 'skipped'] as const;
export type ExerciseOutcome = (typeof EXERCISE_OUTCOMES)[number];

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
  /** A sample of the format (questionnaire.json's `example`): offered only when settings.json names it. */
  example?: boolean;
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
