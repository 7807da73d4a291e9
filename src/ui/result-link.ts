import type { AreaId, AreaLevel, Outcome, ProfileId, Questionnaire, StepId } from '../core/index.ts';

// A result as the QR code carries it: the profile, the level of each area, the next steps, the
// language, and the nearby places the result named (the phone that opens it does not have the
// structure's list). Nothing about the person; and in the URL fragment, which browsers never send to
// a server. Links made before places were carried open as they did, without places. Reading a link
// is in result-link-read.ts, loaded with import() only when the address holds one; making one is in
// result-share.ts, with the result screen.

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

/** The address holds a result link (read by result-link-read.ts). */
export const isResultRoute = (hash: string) => hash.startsWith(`${RESULT_ROUTE}?`);

export function sharedResultOf(questionnaire: Questionnaire, outcome: Outcome, language: string): SharedResult {
  return {
    questionnaireId: questionnaire.id,
    profile: outcome.profile,
    areas: outcome.areas.map((a) => ({ area: a.area, level: a.level })),
    steps: outcome.steps,
    language,
  };
}

/**
 * The professional space's address for a hand-off link opened on a professional's device: the
 * space opens on « Recevoir un résultat » with the link read. The app machine routes there.
 */
export function proHandoffRoute(hash: string): string | undefined {
  return isResultRoute(hash) ? `#/pro?receive=${encodeURIComponent(hash)}` : undefined;
}

/** Reads #/pro?receive=… back: the section to open and its parameter. */
export function readProRoute(hash: string): { section: string; params: Record<string, string> } | undefined {
  if (!hash.startsWith('#/pro?')) return undefined;
  const link = new URLSearchParams(hash.slice('#/pro?'.length)).get('receive');
  return link ? { section: 'receive', params: { link } } : undefined;
}
