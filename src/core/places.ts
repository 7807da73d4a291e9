import { checkKeys, isObj, parseJson, slug, text, textList, vocabularyList } from './data-file.ts';
import { describeValue, LANGUAGE_CODE, ProblemList, type Problem } from './problems.ts';
import type { AreaLevel, Outcome, Questionnaire, StepDefinition } from './types.ts';

// A structure's local places, in the vocabulary of the national data standard for digital-mediation
// places ("schéma de données des lieux de médiation numérique", La MedNum / ANCT, v1.0, the one the
// Cartographie nationale and data.inclusion publish): field names and the enumerated values of
// `services`, `prise_en_charge_specifique` and `modalites_accompagnement` are the standard's own,
// so a file exported from the national cartography reads as it is. And the match from a result to
// the places that fit it.

export const PLACES_FILE = 'lieux.json';
/** The key under which the places live in the settings store (they are not personal data). */
export { PLACES_SETTING } from './setting-keys.ts';

/** `services`: the kinds of help a place offers (standard v1.0, field "services"). */
export const SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;
export type Service = (typeof SERVICES)[number];

/** `prise_en_charge_specifique`: the particular needs a place can support. */
export const SPECIFIC_SUPPORT = [
  'Surdité',
  'Handicaps moteurs',
  'Handicaps mentaux',
  'Illettrisme',
  'Langues étrangères (anglais)',
  'Langues étrangères (autres)',
  'Déficience visuelle',
] as const;
export type SpecificSupport = (typeof SPECIFIC_SUPPORT)[number];

/** `modalites_accompagnement`: how a place accompanies people. */
export const MODALITIES = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface Place {
  id: string;
  nom: string;
  adresse: string;
  commune?: string;
  code_postal?: string;
  complement_adresse?: string;
  telephone?: string;
  /** Opening hours, as written (the standard asks for the OpenStreetMap format; words are kept as they are). */
  horaires?: string;
  presentation_resume?: string;
  services: Service[];
  prise_en_charge_specifique: SpecificSupport[];
  modalites_accompagnement: Modality[];
  /** Repères' one addition to the standard: languages spoken there besides French, as codes ("ar", "uk"). */
  langues: string[];
}

/** Fields of the standard read into a Place. */
const READ_KEYS = [
  'id',
  'nom',
  'adresse',
  'commune',
  'code_postal',
  'complement_adresse',
  'telephone',
  'horaires',
  'presentation_resume',
  'services',
  'prise_en_charge_specifique',
  'modalites_accompagnement',
  'langues',
];
/** Other fields of the standard: accepted in an imported file, not kept. */
const OTHER_STANDARD_KEYS = [
  'pivot',
  'code_insee',
  'latitude',
  'longitude',
  'typologie',
  'courriels',
  'site_web',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'publics_specifiquement_adresses',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'fiche_acces_libre',
  'prise_rdv',
];

export type PlacesResult = { ok: true; places: Place[]; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Reads a places file: a JSON array of places (also `{ "lieux": [ … ] }`). `nom`, `adresse` and
 * `services` are required, as in the standard; multi-valued fields may be arrays or one text with
 * the values separated by "|" or ";" (as files converted from the standard's CSV have them). Fields
 * of the standard that Repères does not use are accepted and left out; any other key is a warning.
 */
export function readPlaces(source: string, file = PLACES_FILE): PlacesResult {
  const p = new ProblemList(file);
  const parsed = parseJson(source, p);
  if (!parsed) return { ok: false, problems: p.items };
  return checkPlaces(parsed.value, p);
}

/** Places as stored on the device (written by the app, so normally sound): the sound ones, none if the value is not a list. */
export function placesOf(stored: unknown): Place[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item, i) => {
    const place = readPlace(item, `$[${i}]`, new ProblemList(PLACES_FILE));
    return place ? [place] : [];
  });
}

function checkPlaces(value: unknown, p: ProblemList): PlacesResult {
  let list = value;
  let base = '$';
  if (isObj(list) && Array.isArray(list.lieux)) {
    checkKeys(list, '$', ['$schema', 'lieux'], p);
    list = list.lieux;
    base = '$.lieux';
  }
  if (!Array.isArray(list)) {
    p.error('type.array', '$', { actual: describeValue(list) });
    return { ok: false, problems: p.items };
  }
  const places: Place[] = [];
  const ids = new Set<string>();
  list.forEach((item, i) => {
    const path = `${base}[${i}]`;
    const place = readPlace(item, path, p);
    if (!place) return;
    if (ids.has(place.id)) {
      if (isObj(item) && item.id !== undefined) {
        p.error('id.duplicate', `${path}.id`, { id: place.id });
        return;
      }
      place.id = uniqueId(place.id, ids);
    }
    ids.add(place.id);
    places.push(place);
  });
  if (p.items.some((x) => x.severity === 'error')) return { ok: false, problems: p.items };
  return { ok: true, places, warnings: p.items };
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A fresh id for a place added in the app, unique among the others. */
export function placeId(nom: string, places: readonly Place[]): string {
  return uniqueId(slug(nom), new Set(places.map((x) => x.id)));
}

function readPlace(item: unknown, path: string, p: ProblemList): Place | undefined {
  if (!isObj(item)) {
    p.error('type.object', path, { actual: describeValue(item) });
    return undefined;
  }
  const before = p.items.length;
  checkKeys(item, path, [...READ_KEYS, ...OTHER_STANDARD_KEYS], p, 'warning');
  const nom = text(item, 'nom', path, p, true);
  const adresse = text(item, 'adresse', path, p, true);
  const rawId = item.id;
  let id: string | undefined;
  if (typeof rawId === 'string' && rawId.trim() !== '') id = rawId.trim();
  else if (typeof rawId === 'number') id = String(rawId);
  else if (rawId !== undefined && rawId !== null) p.error('type.string', `${path}.id`, { actual: describeValue(rawId) });
  const optional: Partial<Place> = {};
  for (const key of ['commune', 'complement_adresse', 'telephone', 'horaires', 'presentation_resume'] as const) {
    const v = text(item, key, path, p, false);
    if (v !== undefined) optional[key] = v;
  }
  // A postal code is often written as a number in files made with a spreadsheet.
  const postal = typeof item.code_postal === 'number' ? String(item.code_postal).padStart(5, '0') : text(item, 'code_postal', path, p, false);
  if (postal !== undefined) optional.code_postal = postal;
  const services = vocabularyList(item, 'services', path, p, SERVICES, true);
  const prise_en_charge_specifique = vocabularyList(item, 'prise_en_charge_specifique', path, p, SPECIFIC_SUPPORT, false);
  const modalites_accompagnement = vocabularyList(item, 'modalites_accompagnement', path, p, MODALITIES, false);
  const langues = textList(item, 'langues', path, p);
  langues.forEach((l, i) => {
    if (!LANGUAGE_CODE.test(l)) p.error('language.format', `${path}.langues[${i}]`, { language: l });
  });
  if (p.items.slice(before).some((x) => x.severity === 'error') || !nom || !adresse) return undefined;
  return { id: id ?? slug(nom), nom, adresse, ...optional, services, prise_en_charge_specifique, modalites_accompagnement, langues };
}

/** The places as a file in the standard's field names (readPlaces reads it back unchanged). */
export function placesJson(places: readonly Place[]): string {
  return `${JSON.stringify(places, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// From a result to places

/** One need of a person, met by a place that offers any of its terms. */
export interface PlaceNeed {
  services?: readonly Service[];
  supports?: readonly SpecificSupport[];
  modalities?: readonly Modality[];
  weight: number;
}

/** How a questionnaire's flags, weak areas and step kinds translate into the standard's terms. */
export interface PlaceMapping {
  flags: Readonly<Record<string, readonly PlaceNeed[]>>;
  /** A weak area → services; weighs 2 when the area is à travailler, 1 when en cours. */
  areas: Readonly<Record<string, readonly Service[]>>;
  stepKinds: Readonly<Partial<Record<StepDefinition['kind'], PlaceNeed>>>;
  /** The flag that means "help in another language": places speaking the person's language then come first. */
  languageFlag?: string;
}

const SKILLS: readonly Service[] = ['Maîtrise des outils numériques du quotidien'];
const EQUIPMENT: readonly Service[] = ['Accès internet et matériel informatique', 'Acquisition de matériel informatique à prix solidaire'];
const PROCEDURES: PlaceNeed[] = [
  { services: ['Aide aux démarches administratives'], weight: 4 },
  { modalities: ['Accompagnement individuel'], weight: 1 },
];

/** The mapping for the questionnaires shipped with Repères (autonomie-numerique, exemple). */
export const DEFAULT_PLACE_MAPPING: PlaceMapping = {
  flags: {
    'demarche-urgente': PROCEDURES,
    urgence: PROCEDURES,
    'besoin-equipement': [
      { services: ['Acquisition de matériel informatique à prix solidaire'], weight: 3 },
      { services: ['Accès internet et matériel informatique'], weight: 2 },
    ],
    'lecture-difficile': [{ supports: ['Illettrisme'], weight: 3 }],
    'accompagnement-adapte': [{ supports: ['Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Déficience visuelle'], weight: 3 }],
    'souhait-apprendre': [{ modalities: ['Dans un atelier collectif'], weight: 1 }],
  },
  areas: {
    acces: ['Accès internet et matériel informatique'],
    'prise-en-main': SKILLS,
    internet: SKILLS,
    communication: SKILLS,
    demarches: ['Aide aux démarches administratives'],
    securite: ['Utilisation sécurisée du numérique'],
  },
  stepKinds: {
    equipment: { services: EQUIPMENT, weight: 2 },
    workshop: { modalities: ['Dans un atelier collectif'], weight: 1 },
    help: { modalities: ['Accompagnement individuel'], weight: 1 },
  },
  languageFlag: 'autre-langue',
};

export interface PlaceSuggestion {
  place: Place;
  score: number;
  /** What of the place fits: terms of the standard, and `langue:<code>` for a language spoken there. */
  reasons: string[];
}

const AREA_WEIGHT: Record<AreaLevel, number> = { 'a-travailler': 2, 'en-cours': 1, acquis: 0 };

/**
 * The places that fit a result, best first: urgent needs and specific support weigh most (an urgent
 * procedure → "Aide aux démarches administratives"; reading → "Illettrisme"; equipment → "Accès
 * internet et matériel informatique"; another language → a place speaking the person's language, or
 * "Langues étrangères"), then the areas to work on, then the kind of help the next steps call for.
 * A place that meets none of these is left out. `language` is the language the person used.
 */
export function suggestPlaces(
  outcome: Outcome,
  questionnaire: Questionnaire,
  places: readonly Place[],
  options: { language?: string; mapping?: PlaceMapping; limit?: number } = {},
): PlaceSuggestion[] {
  const mapping = options.mapping ?? DEFAULT_PLACE_MAPPING;
  const needs: PlaceNeed[] = [];
  for (const flag of outcome.flags) needs.push(...(mapping.flags[flag] ?? []));
  const areaServices = new Map<Service, number>();
  for (const area of outcome.areas) {
    if (!area.level) continue;
    const weight = AREA_WEIGHT[area.level];
    if (weight === 0) continue;
    for (const service of mapping.areas[area.area] ?? []) areaServices.set(service, Math.max(areaServices.get(service) ?? 0, weight));
  }
  for (const [service, weight] of areaServices) needs.push({ services: [service], weight });
  const kinds = new Set(outcome.steps.map((id) => questionnaire.recommendations.steps.find((s) => s.id === id)?.kind));
  for (const kind of kinds) {
    const need = kind ? mapping.stepKinds[kind] : undefined;
    if (need) needs.push(need);
  }
  const base = options.language?.split('-')[0];
  const wantsLanguage = mapping.languageFlag !== undefined && outcome.flags.includes(mapping.languageFlag as never);

  const out: PlaceSuggestion[] = [];
  for (const place of places) {
    let score = 0;
    const reasons: string[] = [];
    const note = (term: string) => {
      if (!reasons.includes(term)) reasons.push(term);
    };
    for (const need of needs) {
      const terms = [
        ...(need.services ?? []).filter((s) => place.services.includes(s)),
        ...(need.supports ?? []).filter((s) => place.prise_en_charge_specifique.includes(s)),
        ...(need.modalities ?? []).filter((m) => place.modalites_accompagnement.includes(m)),
      ];
      if (terms.length === 0) continue;
      score += need.weight;
      terms.forEach(note);
    }
    if (wantsLanguage) {
      if (base && base !== 'fr' && place.langues.some((l) => l.split('-')[0] === base)) {
        score += 5;
        note(`langue:${base}`);
      } else {
        const support: SpecificSupport = base === 'en' ? 'Langues étrangères (anglais)' : 'Langues étrangères (autres)';
        if (place.prise_en_charge_specifique.includes(support)) {
          score += 3;
          note(support);
        }
      }
    }
    if (score > 0) out.push({ place, score, reasons });
  }
  out.sort((a, b) => b.score - a.score || a.place.nom.localeCompare(b.place.nom, 'fr'));
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
