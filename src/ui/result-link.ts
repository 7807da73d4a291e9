import { AREA_LEVELS, type AreaId, type AreaLevel, type Outcome, type ProfileId, type Questionnaire, type StepId } from '../core/index.ts';

// A result as the QR code carries it: the profile, the level of each area, the next steps, the
// language, and the nearby places the result named (the phone that opens it does not have the
// structure's list). Nothing about the person; and in the URL fragment, which browsers never send to
// a server. Links made before places were carried open as they did, without places. Reading a link
// is here (the start screen opens one); making one is in result-share.ts, with the result screen.

export interface SharedResult {
  questionnaireId: string;
  profile: ProfileId;
  areas: { area: AreaId; level: AreaLevel | null }[];
  steps: StepId[];
  language: string;
  /** The places named on the result, as they were shown: at most MAX_SHARED_PLACES. */
  places?: SharedPlace[];
}

/** A place as a result carries it: what a person needs to go there. */
export interface SharedPlace {
  nom: string;
  adresse?: string;
  code_postal?: string;
  commune?: string;
  telephone?: string;
  horaires?: string;
}

export const PLACE_FIELDS = ['nom', 'adresse', 'code_postal', 'commune', 'telephone', 'horaires'] as const;
export const MAX_SHARED_PLACES = 3;
/** A field longer than this is cut: a link stays short enough for a QR code a phone can read. */
export const MAX_FIELD = 160;

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
  const places = hash
    .slice(RESULT_ROUTE.length + 1)
    .split('&')
    .filter((pair) => pair.startsWith('pl='))
    .slice(0, MAX_SHARED_PLACES)
    .map(readPlace)
    .filter((place) => place !== undefined);
  return { questionnaireId, profile: profile as ProfileId, areas, steps, language, ...(places.length ? { places } : {}) };
}

function readPlace(pair: string): SharedPlace | undefined {
  const place: Partial<Record<(typeof PLACE_FIELDS)[number], string>> = {};
  const fields = pair.slice(3).split('|');
  for (const [i, key] of PLACE_FIELDS.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(fields[i] ?? '').trim().slice(0, MAX_FIELD);
    } catch {
      return undefined;
    }
    if (value) place[key] = value;
  }
  return place.nom ? { ...place, nom: place.nom } : undefined;
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

/**
 * The professional space's address for a hand-off link opened on a professional's device: the
 * space opens on « Recevoir un résultat » with the link read. The app machine routes there.
 */
export function proHandoffRoute(hash: string): string | undefined {
  return hash.startsWith(`${RESULT_ROUTE}?`) ? `#/pro?receive=${encodeURIComponent(hash)}` : undefined;
}

/** Reads #/pro?receive=… back: the section to open and its parameter. */
export function readProRoute(hash: string): { section: string; params: Record<string, string> } | undefined {
  if (!hash.startsWith('#/pro?')) return undefined;
  const link = new URLSearchParams(hash.slice('#/pro?'.length)).get('receive');
  return link ? { section: 'receive', params: { link } } : undefined;
}
