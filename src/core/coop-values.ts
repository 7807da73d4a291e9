// The values of La Coop de la médiation numérique's activity report (compte-rendu d'activité), as
// its API and its export table write them: see coop.ts for their use and docs/formats.md for the
// file each one comes from. Apart, without imports, so the questionnaire format can name them.

/** `typeActiviteApiValues` (features/activites/use-cases/cra/fields/type-activite.ts). */
export const COOP_TYPES = ['individuel', 'collectif'] as const;
/** `autonomieApiValues` (cra/individuel/fields/autonomie.ts), from the least to the most autonomous. */
export const COOP_AUTONOMIE = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;
/** `structureDeRedirectionApiValues` (cra/individuel/fields/structures-redirection.ts). */
export const COOP_REDIRECTIONS = [
  'operateur_ou_organisme_en_charge',
  'aide_aux_demarches_administratives',
  'administration',
  'mediation_numerique',
  'aide_sociale',
  'insertion_professionnelle',
  'autre',
] as const;
/** `typeLieuApiValues` (cra/fields/type-lieu.ts). */
export const COOP_TYPES_LIEU = ['lieu_activite', 'autre', 'domicile', 'a_distance'] as const;
/** `trancheAgeApiValues` (api/v1/activites/route.ts). */
export const COOP_TRANCHES_AGE = [
  'moins_de_douze',
  'douze_dix_huit',
  'dix_huit_vingt_quatre',
  'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf',
  'soixante_soixante_neuf',
  'soixante_dix_plus',
  'non_communique',
] as const;
/** `thematiqueApiValues` (cra/fields/thematique.ts): the non-administrative ones, then the administrative ones. */
export const COOP_THEMATIQUES = [
  'diagnostic_numerique',
  'prendre_en_main_du_materiel',
  'maintenance_de_materiel',
  'gere_ses_contenus_numeriques',
  'navigation_sur_internet',
  'email',
  'bureautique',
  'reseaux_sociaux',
  'sante',
  'banque_et_achats_en_ligne',
  'entrepreneuriat',
  'insertion_professionnelle',
  'securite_numerique',
  'parentalite',
  'scolarite_et_numerique',
  'creer_avec_le_numerique',
  'culture_numerique',
  'intelligence_artificielle',
  'aide_aux_demarches_administratives',
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
  'associations',
] as const;

export type CoopType = (typeof COOP_TYPES)[number];
export type CoopAutonomie = (typeof COOP_AUTONOMIE)[number];
export type CoopRedirection = (typeof COOP_REDIRECTIONS)[number];
export type CoopTypeLieu = (typeof COOP_TYPES_LIEU)[number];
export type CoopTrancheAge = (typeof COOP_TRANCHES_AGE)[number];
export type CoopThematique = (typeof COOP_THEMATIQUES)[number];

/** The labels the Coop's export table shows (the `…Labels` objects of the same files, and `trancheAgeLabels`). */
export const COOP_LABELS = {
  type: { individuel: 'Accompagnement individuel', collectif: 'Atelier collectif' } satisfies Record<CoopType, string>,
  typeLieu: { lieu_activite: 'Lieu d’activité', autre: 'Autre lieu', domicile: 'À domicile', a_distance: 'À distance' } satisfies Record<CoopTypeLieu, string>,
  redirection: {
    operateur_ou_organisme_en_charge: 'Opérateur ou organisme en charge de la démarche administrative',
    aide_aux_demarches_administratives: 'Structure d’aide aux démarches administratives (France Services…)',
    administration: 'Administration (mairie, préfecture…)',
    mediation_numerique: 'Autre structure de médiation numérique',
    aide_sociale: 'Structure d’aide sociale (maison des solidarités, centre social…)',
    insertion_professionnelle: 'Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)',
    autre: 'Autre',
  } satisfies Record<CoopRedirection, string>,
  trancheAge: {
    moins_de_douze: 'Moins de 12 ans',
    douze_dix_huit: '12 - 17 ans',
    dix_huit_vingt_quatre: '18 - 24 ans',
    vingt_cinq_trente_neuf: '25 - 39 ans',
    quarante_cinquante_neuf: '40 - 59 ans',
    soixante_soixante_neuf: '60 - 69 ans',
    soixante_dix_plus: '70 ans et plus',
    non_communique: 'Non communiqué',
  } satisfies Record<CoopTrancheAge, string>,
  thematique: {
    diagnostic_numerique: 'Diagnostic numérique',
    prendre_en_main_du_materiel: 'Prendre en main du matériel',
    maintenance_de_materiel: 'Maintenance de matériel',
    gere_ses_contenus_numeriques: 'Gérer ses contenus numériques',
    navigation_sur_internet: 'Navigation sur internet',
    email: 'E-mail',
    bureautique: 'Bureautique',
    reseaux_sociaux: 'Réseaux sociaux communication',
    sante: 'Santé',
    banque_et_achats_en_ligne: 'Banque et achats en ligne',
    entrepreneuriat: 'Accompagner un professionnel',
    insertion_professionnelle: 'Insertion professionnelle',
    securite_numerique: 'Prévention en sécurité numérique',
    parentalite: 'Parentalité',
    scolarite_et_numerique: 'Scolarité et numérique',
    creer_avec_le_numerique: 'Créer avec le numérique',
    culture_numerique: 'Culture numérique',
    intelligence_artificielle: 'Intelligence artificielle (IA)',
    aide_aux_demarches_administratives: 'Aide aux démarches administratives',
    papiers_elections_citoyennete: 'Papiers - Élections - Citoyenneté',
    famille_scolarite: 'Famille - Scolarité',
    social_sante: 'Social - Santé',
    travail_formation: 'Travail - Formation - Entreprise',
    logement: 'Logement',
    transports_mobilite: 'Transports - Mobilité',
    argent_impots: 'Argent - Impôts',
    justice: 'Justice',
    etrangers_europe: 'Étrangers - Europe',
    loisirs_sports_culture: 'Loisirs - Sports - Culture',
    associations: 'Associations',
  } satisfies Record<CoopThematique, string>,
  /** `displayNameFromIdentity`: a beneficiary without a name. */
  anonymous: 'Bénéficiaire anonyme',
  /** `booleanToYesNoLabel`. */
  yes: 'Oui',
  no: 'Non',
} as const;

