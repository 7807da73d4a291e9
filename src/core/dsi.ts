// A level comparable across Europe, in the spirit of Eurostat's Digital Skills Indicator 2.0 (DSI,
// from 2021: table isoc_sk_dskl_i21 and its methodology, built on the DigComp 2.x framework): five
// areas, each "basic" (one activity done) or "above basic" (more than one), and an overall level
// from the number of areas where the person has at least basic skills. Eurostat counts activities a
// person says they did in the last three months; here a questionnaire declares which of its answers
// and exercises count as which activity (its `dsi` block), so the level is the questionnaire's
// reading of the DSI, not a Eurostat statistic: "in the spirit of", and said so wherever it shows.
// Pure: the conditions are the questionnaire's own closed vocabulary, evaluated by scoring.ts.
// Computed where it is shown or counted (the professional's records, the observatory, a kiosk
// tally), from the run's answers and path: never in the kiosk's first-question JavaScript.

import { answersOnPath, evaluate, evaluationFor } from './scoring.ts';
import type { Answers, QuestionId, Questionnaire } from './types.ts';

// DigComp's five areas live in formats/values.ts, a module that imports nothing, so the questionnaire format can name them.
import { DSI_AREAS, type DsiArea } from './formats/values.ts';

export { DSI_AREAS, type DsiArea };

/** An area's level: no activity, one ("basic"), more than one ("above basic"). */
export const DSI_AREA_LEVELS = ['none', 'basic', 'above-basic'] as const;
export type DsiAreaLevel = (typeof DSI_AREA_LEVELS)[number];

/**
 * The overall levels of DSI 2.0, from the weakest: no skills (no area), limited (one or two areas
 * with at least basic skills), narrow (three), low (four), basic (all five, not all above basic),
 * above basic (all five above basic). `not-assessed`: the person does not use the internet, whom
 * Eurostat does not assess either.
 */
export const DSI_OVERALL = ['not-assessed', 'none', 'limited', 'narrow', 'low', 'basic', 'above-basic'] as const;
export type DsiOverall = (typeof DSI_OVERALL)[number];

/** What a result carries: the overall level, each area's, and the activities counted (their ids). */
export interface DsiResult {
  overall: DsiOverall;
  areas: Record<DsiArea, DsiAreaLevel>;
  activities: string[];
}

/** One declared activity: its id, its area, and when it counts (a condition over the answers). */
export interface DsiActivity<C> {
  id: string;
  area: DsiArea;
  when: C;
}

/** A questionnaire's `dsi` block. */
export interface DsiDeclaration<C> {
  activities: DsiActivity<C>[];
  /** When the person is assessed at all (Eurostat: used the internet); always, when left out. */
  assessedWhen?: C | undefined;
  /** Activities an area needs for "above basic" (DSI 2.0: more than one); 2 when left out. */
  aboveBasic?: number | undefined;
}

/** The overall level by the number of areas with at least basic skills (0 to 5), when not all five are above basic. */
const BY_AREAS = ['none', 'limited', 'limited', 'narrow', 'low', 'basic'] as const;

/** The overall level from the five areas' levels. */
export function dsiOverall(areas: Record<DsiArea, DsiAreaLevel>): Exclude<DsiOverall, 'not-assessed'> {
  const levels = DSI_AREAS.map((a) => areas[a]);
  return levels.every((l) => l === 'above-basic') ? 'above-basic' : BY_AREAS[levels.filter((l) => l !== 'none').length] ?? 'none';
}

/** The DSI level from a declaration and a test of each of its conditions. */
export function dsiOf<C>(declaration: DsiDeclaration<C>, holds: (condition: C) => boolean): DsiResult {
  const assessed = declaration.assessedWhen === undefined || holds(declaration.assessedWhen);
  const done = assessed ? declaration.activities.filter((a) => holds(a.when)) : [];
  const areas = {} as Record<DsiArea, DsiAreaLevel>;
  let basic = 0;
  let above = 0;
  for (const area of DSI_AREAS) {
    const n = done.filter((a) => a.area === area).length;
    const level = n === 0 ? 'none' : n < (declaration.aboveBasic ?? 2) ? 'basic' : 'above-basic';
    areas[area] = level;
    if (n > 0) basic++;
    if (level === 'above-basic') above++;
  }
  const overall = !assessed ? 'not-assessed' : above === DSI_AREAS.length ? 'above-basic' : BY_AREAS[basic] ?? 'none';
  return { overall, areas, activities: done.map((a) => a.id) };
}

/** The DSI level of a run of a questionnaire that declares one (its `dsi` block); undefined otherwise. */
export function dsiOfRun(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): DsiResult | undefined {
  if (!questionnaire.dsi) return undefined;
  const env = evaluationFor(questionnaire, answersOnPath(answers, path));
  return dsiOf(questionnaire.dsi, (condition) => evaluate(condition, env));
}
