// The formats' closed lists and markers, in a module that imports nothing: the run's first bundle
// reads them (navigation, scoring) without the formats' declarations and their checker.

/** Where a question's `next` goes to finish the questionnaire (re-exported by navigation.ts and formats/questionnaire.ts). */
export const END = 'end';

/** The three levels an area score falls into, from weakest to strongest. */
export const AREA_LEVELS = ['a-travailler', 'en-cours', 'acquis'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'yes-no', 'scale', 'info', 'exercise'] as const;

/** Option ids a yes / no / don't know question may use. */
export const YES_NO_OPTIONS = ['oui', 'non', 'ne-sais-pas'] as const;

/** Outcomes of a hands-on exercise; conditions test them like option ids. */
export const EXERCISE_OUTCOMES = ['success', 'partial', 'failure', 'skipped'] as const;
export type ExerciseOutcome = (typeof EXERCISE_OUTCOMES)[number];

/** DigComp's five areas, as the DSI 2.0 names them (re-exported by dsi.ts). */
export const DSI_AREAS = ['information', 'communication', 'content-creation', 'safety', 'problem-solving'] as const;
export type DsiArea = (typeof DSI_AREAS)[number];
