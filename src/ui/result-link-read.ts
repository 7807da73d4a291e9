import { AREA_LEVELS, type AreaId, type AreaLevel, type ProfileId, type Questionnaire, type StepId } from '../core/index.ts';
import { isResultRoute, MAX_FIELD, MAX_SHARED_PLACES, PLACE_FIELDS, RESULT_ROUTE, type SharedPlace, type SharedResult } from './result-link.ts';

// Reading a result link (result-link.ts says what it carries): loaded with import() only when the
// address holds one (app-machine.ts fetches it beside the boot's first files), never with the start screen.

/** Reads a result fragment; undefined when the fragment is not a result route. Ids are checked later against the questionnaire. */
export function parseResultFragment(hash: string): SharedResult | undefined {
  if (!isResultRoute(hash)) return undefined;
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
