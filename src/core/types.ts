// The questionnaire format and the records built from it. Everything here is plain JSON data.

import type { Brand as ValibotBrand } from 'valibot';

/** A string that TypeScript keeps apart from other strings, so ids of different kinds never mix. */
export type Brand<T, B extends string> = T & ValibotBrand<B>;

// The questionnaire file's types come from its format (formats/questionnaire.ts), the one source
// of its types, its runtime check and questionnaires/schema.json.
import type { Answer } from './formats/records.ts';
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

// The formats' closed lists live in formats/values.ts, a module that imports nothing.
export { AREA_LEVELS, EXERCISE_OUTCOMES, QUESTION_KINDS, YES_NO_OPTIONS, type AreaLevel, type ExerciseOutcome } from './formats/values.ts';

/** One locale file: nested keys, string leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

// What a run records (answers, exercise results) is declared with the records' format (formats/records.ts).
export type { Answer, ExerciseResult } from './formats/records.ts';

export type Answers = Partial<Record<QuestionId, Answer>>;

/** A questionnaire ready to run: the checked structure, its locales, its pictograms and a content hash. */
export interface LoadedQuestionnaire {
  questionnaire: Questionnaire;
  locales: Record<string, LocaleTree>;
  /** Pictogram name → file path relative to the questionnaire folder. */
  pictograms: Record<string, string>;
  contentHash: string;
}

// A result as records keep it: formats/records.ts.
export type { AreaResult, Gap, Outcome } from './formats/records.ts';

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
