// The core's public surface: pure TypeScript, no Preact, no IndexedDB, no DOM.
export * from './types.ts';
export { PROBLEM_CODES, type Problem, type ProblemCode } from './problems.ts';
export { loadQuestionnaire, type QuestionnaireSource, type LoadResult, type LoadOptions } from './validate.ts';
export { builtFingerprint, loadChecked, type Fingerprint } from './checked.ts';
export { checkedFiles } from './checked-files.ts';
export { createQuestionnaireMachine, RESULT_STATE, whereNext, type QuestionnaireContext, type QuestionnaireEvent, type QuestionnaireMachine } from './questionnaire-machine.ts';
export { answersOnPath, evaluate, evaluationFor, levelOf, outcomeOf, personSteps, pickProfile, recommend, scoreAreas, flagsOf, gapsOf, GAP_DECLARED_ABLE, GAP_DECLARED_UNABLE } from './scoring.ts';
export { CHOICE_EXERCISES, EXERCISE_SETTINGS, EXERCISE_TYPES, POINTER_EXERCISES, exerciseChoices, isExerciseType, type ExerciseType } from './exercises.ts';
// The measurement (exercise-measure.ts) is imported directly by the exercise screens and tests, to stay out of the first bundle.
export { END, expectedPath, isAnswered, isSettled, mayBeSkipped, nextRules, nextStep } from './navigation.ts';
export { durationRange, firstStepOf, knownFirstStep, pathSeconds, SECONDS_PER_SCREEN, stepBounds, type StepBounds } from './progress.ts';
export { answerEvents, explore, possibleAnswers, randomWalk, seededRandom, type Exploration, type Walk } from './explore.ts';
export { canonicalJson, contentHash } from './hash.ts';
export { carryAnswers, historyGroups, mappingChain, resolveVersion, versionFolder, versionOf, VERSION_PATTERN, type HistoryCarry, type HistoryGroup, type VersionRef, type VersionResolution } from './versions.ts';
export {
  CURRENT_RECORD_VERSION,
  createRecord,
  newSessionId,
  type SessionMode,
  type SessionRecord,
  type SessionRecordV1,
  type SessionStatus,
} from './session-record.ts';
export { readRecord, type RecordCheck } from './read-session-record.ts';
export { replay, type Replay, type ReplaySource, type Snapshot } from './replay.ts';
export { DEFAULT_SETTINGS, defaultQuestionnaireOf, SETTINGS_FILE, settingsOf, type SettingsContext } from './settings-values.ts';
export { IDLE_SECONDS_RANGE, PRO_IDLE_MINUTES_RANGE, SESSION_MODES, readSettings, type Settings, type SettingsFile, type SettingsResult } from './settings.ts';
// The professional record (pro-record.ts) is imported from its own module, by the professional space
// only: re-exported here, it would ride in the kiosk's first bundle.
