import { AREA_LEVELS, type AreaId, type AreaLevel, type Outcome, type ProfileId, type Questionnaire, type StepId } from '../core/index.ts';

// A result as the QR code carries it: the profile, the level of each area, the next steps and the
// language. Nothing about the person; and in the URL fragment, which browsers never send to a server.

export interface SharedResult {
  questionnaireId: string;
  profile: ProfileId;
  areas: { area: AreaId; level: AreaLevel | null }[];
  steps: StepId[];
  language: string;
}

export const RESULT_ROUTE = '#/r';

export function sharedResultOf(questionnaire: Questionnaire, outcome: Outcome, language: string): SharedResult {
  return {
    questionnaireId: questionnaire.id,
    profile: outcome.profile,
    areas: outcome.areas.map((a) => ({ area: a.area, level: a.level })),
    steps: outcome.steps,
    language,
  };
}

/** `#/r?q=<questionnaire>&p=<profile>&a=<area:level,…>&s=<step,…>&l=<lang>`; ids are [a-z0-9-] already. */
export function resultFragment(result: SharedResult): string {
  const areas = result.areas.map((a) => `${a.area}:${a.level ?? '-'}`).join(',');
  const params = [`q=${enc(result.questionnaireId)}`, `p=${enc(result.profile)}`, `a=${enc(areas, ':,')}`, `s=${enc(result.steps.join(','), ',')}`, `l=${enc(result.language)}`];
  return `${RESULT_ROUTE}?${params.join('&')}`;
}

function enc(value: string, keep = ''): string {
  let out = encodeURIComponent(value);
  for (const c of keep) out = out.split(encodeURIComponent(c)).join(c);
  return out;
}

/** The absolute address of the result page of this very deployment. */
export function resultUrl(result: SharedResult, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${resultFragment(result)}`;
}

/** Reads a result fragment; undefined when the fragment is not a result route. Ids are checked later against the questionnaire. */
export function parseResultFragment(hash: string): SharedResult | undefined {
  if (!hash.startsWith(`${RESULT_ROUTE}?`)) return undefined;
  const params = new URLSearchParams(hash.slice(RESULT_ROUTE.length + 1));
  const questionnaireId = params.get('q');
  const profile = params.get('p');
  const language = params.get('l');
  if (!questionnaireId || !profile || !language) return undefined;
  const areas: SharedResult['areas'] = [];
  for (const pair of (params.get('a') ?? '').split(',').filter(Boolean)) {
    const [area, level] = pair.split(':');
    if (!area) continue;
    areas.push({ area: area as AreaId, level: (AREA_LEVELS as readonly string[]).includes(level ?? '') ? (level as AreaLevel) : null });
  }
  const steps = (params.get('s') ?? '').split(',').filter(Boolean) as StepId[];
  return { questionnaireId, profile: profile as ProfileId, areas, steps, language };
}

/** Keeps only what the questionnaire knows, so a mistyped or forged link shows nothing strange. */
export function fitResult(result: SharedResult, questionnaire: Questionnaire): SharedResult | undefined {
  if (!questionnaire.profiles.includes(result.profile)) return undefined;
  const stepIds = new Set(questionnaire.recommendations.steps.map((s) => s.id));
  return {
    ...result,
    areas: questionnaire.areas.map((area) => ({ area, level: result.areas.find((a) => a.area === area)?.level ?? null })),
    steps: result.steps.filter((s) => stepIds.has(s)),
  };
}
