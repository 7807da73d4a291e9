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
  /** Pictogram name → its drawing (inline SVG, see pictograms.ts), as the build checked it: drawn without a request. */
  drawings?: Record<string, string>;
  contentHash: string;
  /**
   * How long it takes, in minutes, from the shortest path to the longest (progress.ts: durationRange).
   * The build computes it (CheckedFiles.duration) so the start screen needs no path walk of its own.
   */
  duration: { min: number; max: number };
  /**
   * The first screen's « Étape 1 sur Y » (progress.ts: stepBounds), as the build computed it
   * (CheckedFiles.firstStep): the run starts without walking the whole questionnaire. Absent from
   * a full check in the browser (a file edited after the build): the run walks it then.
   */
  firstStep?: FirstStep;
}

/** The bounds of the first screen's path: between `atLeast` and `atMost` screens in all. */
export interface FirstStep {
  atLeast: number;
  atMost: number;
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
  /** Pictogram name → its drawing (inline SVG, checked by the build: src/core/pictograms.ts). */
  drawings?: Record<string, string>;
  /** What the build checked (see checkedFiles): unchanged files are not checked again in the browser. */
  checked?: CheckedFiles;
  /** The hash of the structure alone, without texts (what a kiosk tally carries: a tally keeps no language). */
  structureHash?: string;
  /** Earlier published versions the build keeps (questionnaires/<id>/versions/<version>/), oldest first. */
  versions?: PublishedVersion[];
}

/** How a published version's answers map onto a later version, as a structure declares it (versions/<v>/mapping.json). */
export interface VersionMapping {
  /** The version the answers are carried to. */
  to: string;
  /** Old question id → new question id, or null for a question the new version dropped. Unlisted ids stay as they are. */
  questions?: Record<string, string | null>;
  /** By old question id: old option id → new option id. Unlisted options stay as they are. */
  options?: Record<string, Record<string, string>>;
}

/** One published version kept by the build, beside the current one. */
export interface PublishedVersion {
  version: string;
  /** The hash of all its files (the `?fresh=` token of its files). */
  contentHash: string;
  /** What the build checked: its files' fingerprints and its content hash per language (what records carry). */
  checked?: CheckedFiles;
  /** The hash of its structure alone, without texts. */
  structureHash?: string;
  mapping?: VersionMapping;
}

/** Fingerprints (SHA-256, hex) of a questionnaire's files as the build validated them, and its content hash per language. */
export interface CheckedFiles {
  /** By file name inside the folder ("questionnaire.json", "locales/fr.json"). */
  files: Record<string, string>;
  contentHashes: Record<string, string>;
  /** The questionnaire's duration range in minutes (progress.ts: durationRange), computed by the build. */
  duration: { min: number; max: number };
  /** The first screen's step bounds (progress.ts: firstStepOf), computed by the build; an older index lacks them. */
  firstStep?: FirstStep;
}
