import * as v from 'valibot';
import { parseCsv } from './csv.ts';
import { MODALITIES, SERVICES, SPECIFIC_SUPPORT, type Modality, type Place, type Service, type SpecificSupport } from './places.ts';
import { describeValue, parseErrorDetail, suggest } from './problems.ts';

// data·inclusion, schema v1: the national data of inclusion services (GIP de l'inclusion,
// https://github.com/gip-inclusion/data-inclusion-schema, schemas/v1/structure.json and
// service.json, version 1.0.8, Licence Ouverte 2.0). Its structures and services, as JSON (a list,
// the API's `{ "items": [...] }` or `{ "structures": [...], "services": [...] }`) or CSV (one file
// each, as data.gouv.fr publishes them: lists written `['a', 'b']`), are checked here, declared
// once with Valibot, and mapped onto the places Repères already matches (places.ts): a structure
// becomes a place, its services say which terms of the digital-mediation vocabulary it offers.
// Every problem names the file, the JSON path or the CSV line and column, and the fix; a file with
// an error is refused whole. The enumerations below are the schema's own, checked against the
// published JSON Schemas by tests/core/data-inclusion.test.ts. Sources: docs/formats.md.

export const DI_TYPES = ['accompagnement', 'aide-financiere', 'aide-materielle', 'atelier', 'formation', 'information'] as const;
export const DI_FRAIS = ['gratuit', 'payant'] as const;
export const DI_MODES_ACCUEIL = ['a-distance', 'en-presentiel'] as const;
export const DI_MODES_MOBILISATION = ['envoyer-un-courriel', 'se-presenter', 'telephoner', 'utiliser-lien-mobilisation'] as const;
export const DI_PERSONNES_MOBILISATRICES = ['usagers', 'professionnels'] as const;
export const DI_PUBLICS = [
  'tous-publics',
  'actifs',
  'beneficiaires-des-minimas-sociaux',
  'demandeurs-emploi',
  'etudiants',
  'familles',
  'femmes',
  'jeunes',
  'personnes-en-situation-de-handicap',
  'personnes-en-situation-durgence',
  'personnes-en-situation-juridique-specifique',
  'personnes-exilees',
  'residents-qpv-frr',
  'seniors',
] as const;
export const DI_THEMATIQUES = [
  'choisir-un-metier--confirmer-son-choix-de-metier',
  'choisir-un-metier--connaitre-les-opportunites-demploi',
  'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
  'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
  'creer-une-entreprise--developper-son-entreprise',
  'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
  'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
  'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
  'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
  'difficultes-financieres--situation-dendettement-surendettement',
  'equipement-et-alimentation--aide-menagere',
  'equipement-et-alimentation--alimentation',
  'equipement-et-alimentation--electromenager',
  'equipement-et-alimentation--habillement',
  'famille--garde-denfants',
  'famille--prise-en-charge-personne-dependante',
  'famille--soutien-a-la-parentalite-et-a-leducation',
  'famille--soutien-aidants',
  'famille--surmonter-conflits-separation-violence',
  'lecture-ecriture-calcul--maitriser-le-calcul',
  'lecture-ecriture-calcul--maitriser-le-francais',
  'logement-hebergement--acheter-un-logement',
  'logement-hebergement--changer-de-logement',
  'logement-hebergement--louer-un-logement',
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
  'logement-hebergement--reduire-les-impayes-de-loyer',
  'logement-hebergement--se-maintenir-dans-le-logement',
  'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  'mobilite--acceder-a-un-vehicule',
  'mobilite--entretenir-reparer-son-vehicule',
  'mobilite--etre-accompagne-dans-son-parcours-mobilite',
  'mobilite--financer-ma-mobilite',
  'mobilite--preparer-un-permis',
  'mobilite--mobilite-douce-partagee-collective',
  'numerique--acceder-a-des-services-en-ligne',
  'numerique--acceder-a-une-connexion-internet',
  'numerique--acquerir-un-equipement',
  'numerique--maitriser-les-fondamentaux-du-numerique',
  'preparer-sa-candidature--developper-son-reseau',
  'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
  'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
  'preparer-sa-candidature--valoriser-ses-competences',
  'remobilisation--activites-sportives-et-culturelles',
  'remobilisation--benevolat-action-citoyenne',
  'remobilisation--bien-etre-confiance-en-soi',
  'remobilisation--lien-social',
  'sante--acces-aux-soins',
  'sante--addictions',
  'sante--constituer-un-dossier-mdph-invalidite',
  'sante--sante-mentale',
  'sante--sante-sexuelle',
  'se-former--monter-son-dossier-de-formation',
  'se-former--trouver-sa-formation',
  'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
  'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
  'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
  'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
  'trouver-un-emploi--faire-des-candidatures-spontanees',
  'trouver-un-emploi--maintien-dans-lemploi',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
  'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
] as const;
export const DI_RESEAUX_PORTEURS = [
  '60000-rebonds', 'action-logement', 'adie', 'afpa', 'agefiph', 'ai', 'aidants-connect', 'alliance-villes-emploi', 'anlci', 'apprentis-dauteuil',
  'ase', 'banques-alimentaires', 'caarud', 'cada', 'caf', 'campus-connecte', 'cap-emploi-reseau-cheops', 'cava', 'ccas-cias', 'chambres-consulaires',
  'chantier-ecole', 'chrs', 'chu', 'cidff', 'cmp', 'cms', 'cnam', 'collectif-emploi', 'communes', 'coorace', 'conseillers-numeriques', 'cpam', 'cph',
  'creches-avip', 'crepi', 'cresus', 'croix-rouge', 'csapa', 'delegataire-conseil-departemental', 'departements', 'duo-for-a-job',
  'ecoles-de-la-deuxieme-chance', 'ea', 'eatt', 'egee', 'emmaus', 'epide', 'esat', 'espaces-publics-numeriques', 'etcld', 'fabrique-de-territoire',
  'face', 'fcsf', 'federation-professionnelle-femmes', 'federation-des-acteurs-de-la-solidarite', 'france-active', 'france-service', 'france-travail',
  'french-tech', 'geiq', 'grandes-ecoles-du-numerique', 'huda', 'hup', 'inae', 'initiative-france', 'konexio', 'la-cravate-solidaire', 'la-poste',
  'les-premieres', 'maisons-de-l-emploi', 'maison-departementale-de-lautonomie', 'maisons-des-solidarites', 'mdph', 'mission-locale', 'mjc', 'mobin',
  'msap', 'mutualite-sociale-agricole', 'nqt', 'pimms-mediation', 'pjj', 'plie', 'points-conseil-budget', 'points-justice', 'positive-planet', 'regions',
  'reseau-app', 'reseau-bge', 'reseau-entreprendre', 'reseau-information-jeunesse', 'residences-fjt', 'ressourceries', 'restos-du-coeur',
  'secours-populaire', 'ei', 'aci', 'etti', 'eiti', 'siao', 'simplon', 'singa', 'snc', 'spip', 'tous-tes-possibles', 'unaf', 'unea', 'unis-cite', 'wimoov',
] as const;

// ---- the two record kinds, declared once ------------------------------------------------------
// Messages are problem codes (the texts are in src/i18n/pro/places/<lang>.json, keys di.codes.*).

/** Problem codes of a data·inclusion import. */
export const DI_CODES = [
  'file-size',
  'file-rows',
  'file-kind',
  'file-empty',
  'json-parse',
  'csv-quote',
  'csv-cells',
  'required',
  'type-string',
  'type-number',
  'type-list',
  'type-object',
  'enum',
  'length',
  'postal',
  'date',
  'date-range',
  'html',
  'tous-publics',
  'duplicate',
  'structure-missing',
  'unknown-field',
  'postal-padded',
  'html-description',
] as const;
export type DiCode = (typeof DI_CODES)[number];

/** Fields of structures and services that hold a list (in CSV: `['a', 'b']`, `["a","b"]` or `a|b`). */
const LIST_FIELDS = ['reseaux_porteurs', 'thematiques', 'publics', 'modes_accueil', 'modes_mobilisation', 'mobilisable_par', 'zone_eligibilite'];
/** Fields that hold a number. */
const NUMBER_FIELDS = ['latitude', 'longitude', 'volume_horaire_hebdomadaire', 'nombre_semaines'];

const optionalText = () => v.optional(v.nullable(v.string('type-string')));
const postal = () => v.optional(v.nullable(v.pipe(v.string('type-string'), v.regex(/^\d{5}$/, 'postal'))));
const list = <T extends readonly string[]>(values: T, min = 0) =>
  v.optional(v.nullable(v.pipe(v.array(v.picklist(values, 'enum'), 'type-list'), v.minLength(min, 'required'))));
const date = () =>
  v.pipe(
    v.string('type-string'),
    v.isoDate('date'),
    v.check((d) => d >= '2000-01-01', 'date-range'),
  );
/** A field Repères does not keep: accepted as it is (the schema checks its format; Repères drops it). */
const loose = () => v.optional(v.unknown());

const common = {
  source: v.pipe(v.string('type-string'), v.minLength(1, 'required')),
  id: v.pipe(v.string('type-string'), v.minLength(1, 'required')),
  nom: v.pipe(v.string('type-string'), v.minLength(3, 'length'), v.maxLength(150, 'length')),
  date_maj: date(),
  adresse: optionalText(),
  complement_adresse: optionalText(),
  commune: optionalText(),
  code_postal: postal(),
  code_insee: loose(),
  latitude: v.optional(v.nullable(v.number('type-number'))),
  longitude: v.optional(v.nullable(v.number('type-number'))),
  telephone: optionalText(),
  courriel: loose(),
  lien_source: loose(),
  horaires_accueil: optionalText(),
};

/** A structure (schemas/v1/structure.json). */
export const DiStructureSchema = v.object(
  {
    ...common,
    siret: loose(),
    site_web: loose(),
    accessibilite_lieu: loose(),
    description: v.optional(v.nullable(v.pipe(v.string('type-string'), v.minLength(5, 'length'), v.maxLength(10_000, 'length')))),
    reseaux_porteurs: list(DI_RESEAUX_PORTEURS),
  },
  'required',
);

/** A service (schemas/v1/service.json). */
export const DiServiceSchema = v.object(
  {
    ...common,
    structure_id: v.pipe(v.string('type-string'), v.minLength(1, 'required')),
    description: v.pipe(v.string('type-string'), v.minLength(5, 'length'), v.maxLength(10_000, 'length')),
    type: v.optional(v.nullable(v.picklist(DI_TYPES, 'enum'))),
    thematiques: list(DI_THEMATIQUES),
    frais: v.optional(v.nullable(v.picklist(DI_FRAIS, 'enum'))),
    frais_precisions: optionalText(),
    publics: v.optional(
      v.nullable(
        v.pipe(
          v.array(v.picklist(DI_PUBLICS, 'enum'), 'type-list'),
          v.minLength(1, 'required'),
          v.check((p) => !p.includes('tous-publics') || p.length === 1, 'tous-publics'),
        ),
      ),
    ),
    publics_precisions: optionalText(),
    conditions_acces: optionalText(),
    contact_nom_prenom: optionalText(),
    modes_accueil: list(DI_MODES_ACCUEIL),
    modes_mobilisation: list(DI_MODES_MOBILISATION, 1),
    mobilisable_par: list(DI_PERSONNES_MOBILISATRICES, 1),
    mobilisation_precisions: optionalText(),
    lien_mobilisation: loose(),
    zone_eligibilite: loose(),
    volume_horaire_hebdomadaire: v.optional(v.nullable(v.pipe(v.number('type-number'), v.minValue(0, 'type-number')))),
    nombre_semaines: v.optional(v.nullable(v.pipe(v.number('type-number'), v.integer('type-number'), v.minValue(1, 'type-number')))),
  },
  'required',
);

export type DiStructure = v.InferOutput<typeof DiStructureSchema>;
export type DiService = v.InferOutput<typeof DiServiceSchema>;

const STRUCTURE_FIELDS = Object.keys(DiStructureSchema.entries);
const SERVICE_FIELDS = Object.keys(DiServiceSchema.entries);

// ---- from data·inclusion to the places' vocabulary (data: a table, not code) -----------------

/** What a value of data·inclusion says in the vocabulary of places.ts. */
export interface PlaceTerms {
  services?: readonly Service[];
  supports?: readonly SpecificSupport[];
  modalities?: readonly Modality[];
}

export interface DiMapping {
  /** A service's thematiques: the terms they give the place. A service with none of these is not about digital help, and gives nothing. */
  thematiques: Readonly<Partial<Record<(typeof DI_THEMATIQUES)[number], PlaceTerms>>>;
  /** A relevant service's type and modes d'accueil: how the place accompanies. */
  types: Readonly<Partial<Record<(typeof DI_TYPES)[number], PlaceTerms>>>;
  modesAccueil: Readonly<Partial<Record<(typeof DI_MODES_ACCUEIL)[number], PlaceTerms>>>;
  /** A structure's networks, for a structure imported without its services. */
  reseauxPorteurs: Readonly<Partial<Record<(typeof DI_RESEAUX_PORTEURS)[number], PlaceTerms>>>;
}

const SKILLS: PlaceTerms = { services: ['Maîtrise des outils numériques du quotidien'] };
const PROCEDURES: PlaceTerms = { services: ['Aide aux démarches administratives'] };

/** The mapping shipped with Repères; see docs/formats.md for why each line. */
export const DEFAULT_DI_MAPPING: DiMapping = {
  thematiques: {
    'numerique--maitriser-les-fondamentaux-du-numerique': SKILLS,
    'numerique--acceder-a-des-services-en-ligne': PROCEDURES,
    'numerique--acceder-a-une-connexion-internet': { services: ['Accès internet et matériel informatique'] },
    'numerique--acquerir-un-equipement': { services: ['Acquisition de matériel informatique à prix solidaire'] },
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives': PROCEDURES,
    'lecture-ecriture-calcul--maitriser-le-francais': { supports: ['Illettrisme'] },
  },
  types: {
    atelier: { modalities: ['Dans un atelier collectif'] },
    accompagnement: { modalities: ['Accompagnement individuel'] },
  },
  modesAccueil: {
    'a-distance': { modalities: ['À distance'] },
  },
  reseauxPorteurs: {
    'conseillers-numeriques': SKILLS,
    'espaces-publics-numeriques': SKILLS,
    konexio: SKILLS,
    'aidants-connect': PROCEDURES,
    'france-service': PROCEDURES,
    msap: PROCEDURES,
    'pimms-mediation': PROCEDURES,
  },
};

// ---- reading ---------------------------------------------------------------------------------

/** Where a problem is: a JSON path, or a CSV line and column. */
export type DiWhere = { path: string } | { line: number; column: string };

export interface DiProblem {
  code: DiCode;
  severity: 'error' | 'warning';
  file: string;
  at: DiWhere;
  params: Record<string, string | number>;
}

/** A file to read: its name, its size in bytes and its text (not read when the size is over the limit). */
export interface DiFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/** Files larger than this are refused before they are read. */
export const DI_MAX_BYTES = 10 * 1024 * 1024;
/** Structures and services together, over every file of one import. */
export const DI_MAX_ROWS = 5000;
/** A place's summary is kept this short (the digital-mediation standard's `presentation_resume`). */
const SUMMARY_MAX = 280;

export type DiResult =
  | { ok: true; places: Place[]; warnings: DiProblem[]; counts: { structures: number; services: number; skipped: number } }
  | { ok: false; problems: DiProblem[] };

interface Row {
  kind: 'structure' | 'service';
  file: string;
  /** Where the row itself is, and how to name one of its fields. */
  at: (field?: string, index?: number) => DiWhere;
  value: unknown;
}

class Problems {
  readonly items: DiProblem[] = [];
  error(file: string, at: DiWhere, code: DiCode, params: DiProblem['params'] = {}): void {
    this.items.push({ code, severity: 'error', file, at, params });
  }
  warn(file: string, at: DiWhere, code: DiCode, params: DiProblem['params'] = {}): void {
    this.items.push({ code, severity: 'warning', file, at, params });
  }
  get failed(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const kindOf = (x: Record<string, unknown>): Row['kind'] => ('structure_id' in x ? 'service' : 'structure');

/** The rows of a JSON file: a list of structures or services, `{ items }` (the API) or `{ structures, services }`. */
function jsonRows(file: string, text: string, p: Problems): Row[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, column } = parseErrorDetail(text, error);
    p.error(file, { path: '$' }, 'json-parse', { line, column });
    return undefined;
  }
  const lists: [string, unknown[]][] = [];
  if (Array.isArray(value)) lists.push(['$', value]);
  else if (isObj(value) && Array.isArray(value.items)) lists.push(['$.items', value.items]);
  else if (isObj(value) && (Array.isArray(value.structures) || Array.isArray(value.services))) {
    if (Array.isArray(value.structures)) lists.push(['$.structures', value.structures]);
    if (Array.isArray(value.services)) lists.push(['$.services', value.services]);
  } else {
    p.error(file, { path: '$' }, 'file-kind', { actual: describeValue(value) });
    return undefined;
  }
  return lists.flatMap(([base, items]) =>
    items.map((item, i): Row => ({
      kind: isObj(item) ? kindOf(item) : 'structure',
      file,
      at: (field, index) => ({ path: `${base}[${i}]${field ? `.${field}` : ''}${index === undefined ? '' : `[${index}]`}` }),
      value: item,
    })),
  );
}

/** A CSV list cell: `['a', 'b']` (as pandas writes Python lists), `["a","b"]`, or `a|b`, `a;b`, `a,b`. */
function listCell(cell: string): string[] {
  const text = cell.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const quoted = [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
    if (quoted.length > 0 || /^\[\s*\]$/.test(text)) return quoted;
    return text.slice(1, -1).split(/[,|;]/).map((s) => s.trim()).filter(Boolean);
  }
  return text.split(/[|;,]/).map((s) => s.trim()).filter(Boolean);
}

/** The rows of a CSV file: one kind of record a file, told by its header (a `structure_id` column: services). */
function csvRows(file: string, text: string, p: Problems): Row[] | undefined {
  const read = parseCsv(text);
  if (!read.ok) {
    p.error(file, { line: read.line, column: '' }, read.problem === 'quote' ? 'csv-quote' : 'file-empty');
    return undefined;
  }
  const { header } = read;
  const kind: Row['kind'] = header.includes('structure_id') ? 'service' : 'structure';
  const rows: Row[] = [];
  for (const { line, cells } of read.rows) {
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      p.error(file, { line, column: '' }, 'csv-cells', { count: cells.length, columns: header.length });
      continue;
    }
    const value: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (column === '' || cell === '') return;
      if (LIST_FIELDS.includes(column)) value[column] = listCell(cell);
      else if (NUMBER_FIELDS.includes(column)) value[column] = Number.isFinite(Number(cell.replace(',', '.'))) ? Number(cell.replace(',', '.')) : cell;
      else value[column] = cell;
    });
    rows.push({ kind, file, at: (field) => ({ line, column: field ?? '' }), value });
  }
  return rows;
}

const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const enumOf: Record<string, readonly string[]> = {
  type: DI_TYPES,
  frais: DI_FRAIS,
  thematiques: DI_THEMATIQUES,
  publics: DI_PUBLICS,
  modes_accueil: DI_MODES_ACCUEIL,
  modes_mobilisation: DI_MODES_MOBILISATION,
  mobilisable_par: DI_PERSONNES_MOBILISATRICES,
  reseaux_porteurs: DI_RESEAUX_PORTEURS,
};

/** One row, checked against its schema; every problem reported with its field. */
function checkRow(row: Row, p: Problems, today: string): DiStructure | DiService | undefined {
  if (!isObj(row.value)) {
    p.error(row.file, row.at(), 'type-object', { actual: describeValue(row.value) });
    return undefined;
  }
  const item = { ...row.value };
  const fields = row.kind === 'service' ? SERVICE_FIELDS : STRUCTURE_FIELDS;
  for (const key of Object.keys(item)) {
    if (fields.includes(key)) continue;
    p.warn(row.file, row.at(key), 'unknown-field', { field: key, suggestion: suggest(key, fields) ?? '' });
    delete item[key];
  }
  // A postal code a spreadsheet read as a number lost its leading zero: put it back, and say so.
  if (typeof item.code_postal === 'number') item.code_postal = String(item.code_postal);
  if (typeof item.code_postal === 'string' && /^\d{4}$/.test(item.code_postal)) {
    p.warn(row.file, row.at('code_postal'), 'postal-padded', { value: item.code_postal, fixed: `0${item.code_postal}` });
    item.code_postal = `0${item.code_postal}`;
  }
  const result = v.safeParse(row.kind === 'service' ? DiServiceSchema : DiStructureSchema, item, { abortEarly: false });
  for (const issue of result.issues ?? []) {
    const keys = issue.path?.map((x) => x.key) ?? [];
    const field = typeof keys[0] === 'string' ? keys[0] : '';
    const index = typeof keys[1] === 'number' ? keys[1] : undefined;
    const code = issue.message as DiCode;
    const params: DiProblem['params'] = { field, value: typeof issue.input === 'string' ? issue.input : describeValue(issue.input) };
    if (code === 'enum') {
      const known = enumOf[field] ?? [];
      params.suggestion = suggest(String(issue.input), known) ?? '';
      params.known = known.length <= 14 ? known.join(', ') : '';
    }
    if (code === 'length') Object.assign(params, field === 'nom' ? { min: 3, max: 150 } : { min: 5, max: 10_000 }, { actual: typeof issue.input === 'string' ? issue.input.length : 0 });
    if (code === 'required' && issue.type === 'object') params.field = String(keys[0] ?? '');
    p.error(row.file, row.at(field || undefined, index), code, params);
  }
  if (!result.success) return undefined;
  const out = result.output;
  if (HTML_TAG.test(out.nom)) {
    p.error(row.file, row.at('nom'), 'html', { field: 'nom', tag: HTML_TAG.exec(out.nom)?.[0] ?? '' });
    return undefined;
  }
  if (out.date_maj > today) {
    p.error(row.file, row.at('date_maj'), 'date-range', { field: 'date_maj', value: out.date_maj });
    return undefined;
  }
  if (out.description && HTML_TAG.test(out.description)) p.warn(row.file, row.at('description'), 'html-description', { field: 'description' });
  return out;
}

function summary(description: string | null | undefined): string | undefined {
  if (!description) return undefined;
  const text = description.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_MAX) return text || undefined;
  const cut = text.slice(0, SUMMARY_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX / 2)).trimEnd()}…`;
}

function add<T extends string>(into: T[], terms: readonly T[] | undefined): void {
  for (const term of terms ?? []) if (!into.includes(term)) into.push(term);
}

/** A structure and its services as a place, or why not: no address, or nothing about digital help. */
function placeOf(structure: DiStructure | undefined, services: readonly DiService[], mapping: DiMapping): Place | 'no-address' | 'not-digital' {
  const services_: Service[] = [];
  const supports: SpecificSupport[] = [];
  const modalities: Modality[] = [];
  for (const s of services) {
    const terms = (s.thematiques ?? []).map((t) => mapping.thematiques[t]).filter((t): t is PlaceTerms => t !== undefined);
    if (terms.length === 0) continue;
    for (const t of terms) {
      add(services_, t.services);
      add(supports, t.supports);
      add(modalities, t.modalities);
    }
    if (s.type) add(modalities, mapping.types[s.type]?.modalities);
    for (const mode of s.modes_accueil ?? []) add(modalities, mapping.modesAccueil[mode]?.modalities);
  }
  for (const r of structure?.reseaux_porteurs ?? []) {
    const t = mapping.reseauxPorteurs[r];
    add(services_, t?.services);
    add(supports, t?.supports);
  }
  if (services_.length === 0) return 'not-digital';
  const first = services.find((s) => s.adresse);
  const from = structure?.adresse ? structure : first;
  if (!from?.adresse) return 'no-address';
  const place: Place = {
    id: structure?.id ?? services[0]!.id,
    nom: (structure ?? services[0]!).nom.trim(),
    adresse: from.adresse.trim(),
    services: SERVICES.filter((s) => services_.includes(s)),
    prise_en_charge_specifique: SPECIFIC_SUPPORT.filter((s) => supports.includes(s)),
    modalites_accompagnement: MODALITIES.filter((m) => modalities.includes(m)),
    langues: [],
  };
  const telephone = structure?.telephone ?? services.find((s) => s.telephone)?.telephone;
  const horaires = structure?.horaires_accueil ?? services.find((s) => s.horaires_accueil)?.horaires_accueil;
  const optional = {
    code_postal: from.code_postal,
    commune: from.commune,
    complement_adresse: from.complement_adresse,
    telephone,
    horaires,
    presentation_resume: summary(structure?.description ?? services[0]?.description),
  };
  for (const [key, value] of Object.entries(optional)) if (typeof value === 'string' && value.trim() !== '') (place as unknown as Record<string, string>)[key] = value.trim();
  return place;
}

export interface DiOptions {
  mapping?: DiMapping;
  /** Today's date "YYYY-MM-DD": a `date_maj` after it is refused, as the schema does. */
  today?: string;
}

/**
 * Reads data·inclusion files (JSON or CSV, structures and services, one or several) and maps them
 * onto places. All or nothing: any error refuses the whole import; warnings (a field of the
 * schema Repères does not keep, a postal code that lost its zero…) come with the places. Structures
 * that offer nothing about digital help, or have no address, are counted and left out.
 */
export async function readDataInclusion(files: readonly DiFile[], options: DiOptions = {}): Promise<DiResult> {
  const mapping = options.mapping ?? DEFAULT_DI_MAPPING;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const p = new Problems();
  const rows: Row[] = [];
  for (const file of files) {
    if (file.size > DI_MAX_BYTES) {
      p.error(file.name, { path: '$' }, 'file-size', { size: Math.ceil(file.size / 1024 / 1024), max: DI_MAX_BYTES / 1024 / 1024 });
      continue;
    }
    const text = await file.text();
    const read = /^\s*[[{]/.test(text) ? jsonRows(file.name, text, p) : csvRows(file.name, text, p);
    if (read) rows.push(...read);
  }
  if (p.failed) return { ok: false, problems: p.items };
  if (rows.length > DI_MAX_ROWS) {
    p.error(files.map((f) => f.name).join(', '), { path: '$' }, 'file-rows', { count: rows.length, max: DI_MAX_ROWS });
    return { ok: false, problems: p.items };
  }
  if (rows.length === 0) {
    p.error(files.map((f) => f.name).join(', '), { path: '$' }, 'file-empty');
    return { ok: false, problems: p.items };
  }

  const structures = new Map<string, { row: Row; value: DiStructure }>();
  const services = new Map<string, { row: Row; value: DiService }>();
  // Structures in the files, sound or not: a service of one with a problem is not told it has none.
  const named = new Set(rows.flatMap((r) => (r.kind === 'structure' && isObj(r.value) && typeof r.value.id === 'string' ? [r.value.id] : [])));
  for (const row of rows) {
    const value = checkRow(row, p, today);
    if (!value) continue;
    const into = row.kind === 'service' ? services : structures;
    if (into.has(value.id)) {
      p.error(row.file, row.at('id'), 'duplicate', { id: value.id });
      continue;
    }
    if (row.kind === 'service') services.set(value.id, { row, value: value as DiService });
    else structures.set(value.id, { row, value: value as DiStructure });
  }
  const byStructure = new Map<string, DiService[]>();
  for (const { row, value } of services.values()) {
    if (!named.has(value.structure_id) && !value.adresse && named.size > 0) {
      p.error(row.file, row.at('structure_id'), 'structure-missing', { id: value.structure_id });
      continue;
    }
    byStructure.set(value.structure_id, [...(byStructure.get(value.structure_id) ?? []), value]);
  }
  if (p.failed) return { ok: false, problems: p.items };

  const places: Place[] = [];
  let skipped = 0;
  const keep = (place: ReturnType<typeof placeOf>) => {
    if (typeof place === 'string') skipped++;
    else places.push(place);
  };
  for (const { value } of structures.values()) keep(placeOf(value, byStructure.get(value.id) ?? [], mapping));
  // Services whose structure is not in the import: each one at its own address.
  for (const [structureId, list] of byStructure) if (!structures.has(structureId)) for (const service of list) keep(placeOf(undefined, [service], mapping));
  return { ok: true, places, warnings: p.items, counts: { structures: structures.size, services: services.size, skipped } };
}
