// Making a result's link (the result screen's QR code and hand-off): apart from reading one
// (result-link.ts, which the start screen's chunk carries to open a link), so the start screen does
// not carry this half.
import { MAX_FIELD, MAX_SHARED_PLACES, PLACE_FIELDS, RESULT_ROUTE, type SharedPlace, type SharedResult } from './result-link.ts';

/** The fields of a place that a result carries (the complement joins the address). */
export function sharedPlace(place: SharedPlace & { complement_adresse?: string }): SharedPlace {
  const adresse = [place.adresse, place.complement_adresse].filter(Boolean).join(', ');
  const out: SharedPlace = { nom: place.nom };
  if (adresse) out.adresse = adresse;
  for (const key of ['code_postal', 'commune', 'telephone', 'horaires'] as const) if (place[key]) out[key] = place[key];
  return out;
}

/** `#/r?q=<questionnaire>&p=<profile>&a=<area:level,…>&s=<step,…>&l=<lang>`; ids are [a-z0-9-] already. */
export function resultFragment(result: SharedResult): string {
  const areas = result.areas.map((a) => `${a.area}:${a.level ?? '-'}`).join(',');
  const params = [`q=${enc(result.questionnaireId)}`, `p=${enc(result.profile)}`, `a=${enc(areas, ':,')}`, `s=${enc(result.steps.join(','), ',')}`, `l=${enc(result.language)}`];
  // One `pl` a place, its fields in PLACE_FIELDS order separated by "|" (encoded inside a field), empty ones at the end left out.
  for (const place of (result.places ?? []).slice(0, MAX_SHARED_PLACES)) {
    const fields = PLACE_FIELDS.map((key) => enc((place[key] ?? '').slice(0, MAX_FIELD)));
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    params.push(`pl=${fields.join('|')}`);
  }
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
