// Personas for the questionnaire "autonomie-numerique": each is replayed through the real engine
// (the XState machine compiled from the questionnaire), and its profile and main next steps are
// checked against what a social worker would expect from the description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createQuestionnaireMachine,
  explore,
  outcomeOf,
  randomWalk,
  seededRandom,
  RESULT_STATE,
  type LoadedQuestionnaire,
  type ExerciseResult,
  type OptionId,
  type Outcome,
  type QuestionId,
} from '../../src/core/index.ts';
import { loadQuestionnaire } from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

const FOLDER = join(QUESTIONNAIRES_DIR, 'autonomie-numerique');

function load(): LoadedQuestionnaire {
  const result = loadQuestionnaire(readQuestionnaireFolder(FOLDER));
  if (!result.ok) throw new Error(`autonomie-numerique does not load:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.loaded;
}
const loaded = load();
const questionnaire = loaded.questionnaire;

type Profile = 'faire-pour' | 'decouverte' | 'premiers-pas' | 'presque-autonome' | 'autonome';
interface Persona {
  name: string;
  description: string;
  /** Option ids, or an exercise's result (OK, PARTIAL, FAIL, PASS, NO_POINTER below). */
  answers: Record<string, string | string[] | ExerciseResult>;
  profile: Profile;
  /** Step ids that must be among the recommendations. */
  steps: string[];
  /** Flags that must be set. */
  flags?: string[];
  /** Declared-versus-observed gaps the professional must see (none if omitted). */
  gaps?: { exercise: string; direction: 'over' | 'under' }[];
}

const S = 'ne-sais-pas-faire';

/** Exercise results as the screens measure them (the misses and times are typical, not asserted). */
const exercise = (outcome: ExerciseResult['outcome'], score: number, misses: number, skippedReason?: ExerciseResult['skippedReason']): ExerciseResult => ({
  outcome,
  score,
  attempts: outcome === 'skipped' ? 0 : misses + 1,
  misses,
  durationMs: 20_000,
  ...(skippedReason ? { skippedReason } : {}),
});
const OK = exercise('success', 1, 0);
const PARTIAL = exercise('partial', 0.5, 3);
const FAIL = exercise('failure', 0, 6);
const PASS = exercise('skipped', 0, 0, 'person');

/** The expected outcomes were written from the descriptions first, then the scoring was tuned. */
const PERSONAS: Persona[] = [
  // ---- faire-pour ---------------------------------------------------------------------------
  {
    name: 'Marcel',
    description: "82 ans, n'a jamais utilisé d'ordinateur ni de smartphone et ne souhaite pas apprendre ; sa fille l'aide pour ses papiers.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
    profile: 'faire-pour',
    steps: ['aidants-connect', 'france-services', 'solidarite-numerique', 'alternative-papier', 'aidant-proche'],
    // No device: seen in the red "Équipement" area, not as a flag (a flag's step would come first on his sheet).
    flags: ['aide-entourage'],
  },
  {
    name: 'Josiane',
    description:
      "74 ans, se sert de son smartphone avec l'aide de sa voisine, ne va sur internet qu'accompagnée ; elle ne veut pas apprendre maintenant et doit faire sa demande de retraite tout de suite.",
    answers: { 'exercice-toucher': PARTIAL, 'exercice-ecrire': PASS, 'exercice-site-officiel': PASS, 'exercice-arnaque': PASS,
      equipement: ['smartphone'], 'utilisation-appareil': 'avec-aide', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'ecran-tactile': 'avec-aide', clavier: S, 'installer-application': S,
      'rechercher-information': S, 'site-officiel': 'ne-sais-pas', 'adresse-courriel': 'non', 'reconnaitre-adresse': 'ne-sais-pas',
      'appel-video': 'avec-aide', 'imprimer-scanner': 'non', 'sms-suspect': 'ne-sais-pas', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'pas-maintenant', 'aide-entourage': 'prefere-ne-pas-repondre', besoins: ['prefere-ne-pas-repondre'], urgence: 'oui',
    },
    profile: 'faire-pour',
    steps: ['aide-aujourd-hui', 'aidants-connect', 'france-services', 'solidarite-numerique'],
    flags: ['demarche-urgente'],
  },
  // ---- decouverte ---------------------------------------------------------------------------
  {
    name: 'Ahmed',
    description:
      "58 ans, arrivé en France depuis peu, parle arabe et lit difficilement le français ; il a un smartphone mais ne sait pas encore s'en servir ; son fils l'aide ; il veut apprendre.",
    answers: {
      equipement: ['smartphone'], 'utilisation-appareil': S, connexion: 'ne-sais-pas',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['autre-langue', 'lecture'], urgence: 'non',
    },
    profile: 'decouverte',
    steps: ['accompagnement-langue', 'lieu-lecture', 'aidant-proche', 'atelier-premiers-gestes', 'epn-proche'],
    flags: ['autre-langue', 'lecture-difficile', 'aide-entourage', 'souhait-apprendre'],
  },
  {
    name: 'Nadia',
    description: "35 ans, n'a ni appareil ni connexion ; elle veut apprendre pour suivre la scolarité de ses enfants ; personne ne l'aide.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non' },
    profile: 'decouverte',
    steps: ['equipement-solidaire', 'atelier-premiers-gestes', 'epn-proche'],
    flags: ['souhait-apprendre'],
  },
  {
    name: 'Gérard',
    description: "67 ans, appelle et lit ses SMS seul sur son smartphone mais n'est jamais allé sur internet ; il aimerait apprendre.",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': PARTIAL, 'exercice-arnaque': FAIL,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': S, connexion: 'forfait-mobile',
      'ecran-tactile': 'avec-aide', clavier: 'avec-aide', 'installer-application': S, 'sms-suspect': 'ne-sais-pas',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'decouverte',
    steps: ['atelier-premiers-gestes', 'epn-proche'],
  },
  {
    name: 'Lucienne',
    description:
      "80 ans, n'a jamais utilisé d'écran, comme Marcel, mais aimerait apprendre pour voir les photos de ses petits-enfants ; sa fille l'aide. (Limite faire-pour / découverte : l'envie d'apprendre fait la différence.)",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
    profile: 'decouverte',
    steps: ['atelier-premiers-gestes', 'aidant-proche', 'epn-proche'],
  },
  {
    name: 'René',
    description:
      "77 ans, a un smartphone dont il ne sait pas se servir ; il préfère ne pas dire s'il veut apprendre. (Limite faire-pour / découverte : sans refus exprimé, on propose de découvrir, l'entretien tranchera.)",
    answers: {
      equipement: ['smartphone'], 'utilisation-appareil': S, connexion: 'forfait-mobile',
      'envie-apprendre': 'prefere-ne-pas-repondre', 'aide-entourage': 'prefere-ne-pas-repondre', besoins: ['prefere-ne-pas-repondre'], urgence: 'prefere-ne-pas-repondre',
    },
    profile: 'decouverte',
    steps: ['atelier-premiers-gestes', 'france-services'],
  },
  {
    name: 'Odette',
    description:
      "70 ans, a besoin d'aide pour allumer et déverrouiller sa tablette, ne sait pas écrire au clavier, ne va sur internet que quand sa petite-fille le fait pour elle ; elle veut apprendre. (Limite découverte / premiers pas : les gestes de base ne sont pas là.)",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': FAIL, 'exercice-site-officiel': FAIL, 'exercice-arnaque': PASS,
      equipement: ['tablette'], 'utilisation-appareil': 'avec-aide', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'maison', 'ecran-tactile': 'avec-aide', clavier: S, 'installer-application': S,
      'rechercher-information': S, 'site-officiel': 'ne-sais-pas', 'adresse-courriel': 'non', 'reconnaitre-adresse': 'ne-sais-pas',
      'appel-video': 'avec-aide', 'imprimer-scanner': 'non', 'sms-suspect': 'ne-sais-pas', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-toucher', direction: 'under' }],
    profile: 'decouverte',
    steps: ['atelier-premiers-gestes', 'epn-proche'],
  },
  {
    name: 'Jean-Pierre',
    description: "55 ans, a du mal à lire ; son fils fait tout pour lui sur internet ; il n'a qu'un vieux téléphone à touches ; il veut apprendre.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['lecture'], urgence: 'non' },
    profile: 'decouverte',
    steps: ['lieu-lecture', 'aidant-proche', 'equipement-solidaire', 'atelier-premiers-gestes'],
    flags: ['lecture-difficile', 'aide-entourage'],
  },
  // ---- premiers-pas -------------------------------------------------------------------------
  {
    name: 'Monique',
    description:
      "63 ans, se sert seule de sa tablette pour les photos et les appels, mais ne va sur internet qu'avec l'aide de son mari ; c'est lui qui gère son adresse de courriel. (Limite découverte / premiers pas : elle manipule bien l'appareil.)",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': OK, 'exercice-site-officiel': FAIL, 'exercice-arnaque': OK,
      equipement: ['tablette'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'maison', 'ecran-tactile': 'seul', clavier: 'seul', 'installer-application': 'avec-aide',
      'rechercher-information': 'avec-aide', 'site-officiel': 'ne-sais-pas', 'adresse-courriel': 'oui-aide', 'reconnaitre-adresse': 'courriel',
      'piece-jointe': S, 'appel-video': 'seul', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'premiers-pas',
    steps: ['atelier-internet', 'atelier-courriel'],
  },
  {
    name: 'Jacqueline',
    description:
      "68 ans, a un vieil ordinateur portable ; elle dit se servir seule de la souris, mais l'exercice de double-clic ne marche pas ; elle va sur internet avec l'aide de son petit-fils. (Surestime la souris : l'écart est signalé au professionnel.)",
    answers: {
      equipement: ['ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S, connexion: 'maison',
      'exercice-toucher': PARTIAL, souris: 'seul', 'exercice-double-clic': FAIL, clavier: 'avec-aide', 'exercice-ecrire': PARTIAL,
      'rechercher-information': 'avec-aide', 'site-officiel': 'ne-sais-pas', 'exercice-site-officiel': PASS, 'adresse-courriel': 'non',
      'reconnaitre-adresse': 'ne-sais-pas', 'appel-video': 'avec-aide', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'ne-sais-pas',
      'exercice-arnaque': PASS, 'mots-de-passe': 'ne-sais-pas', 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-double-clic', direction: 'over' }],
    profile: 'premiers-pas',
    steps: ['atelier-internet', 'atelier-courriel'],
  },
  {
    name: 'Sandrine',
    description:
      "40 ans, utilise seule WhatsApp et Facebook et va parfois seule sur internet, mais c'est sa fille qui a créé son adresse de courriel et elle n'en connaît pas le mot de passe ; jamais fait de démarche en ligne.",
    answers: { 'exercice-site-officiel': FAIL, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'rechercher-information': 'avec-aide', 'site-officiel': 'premier-resultat',
      'adresse-courriel': 'oui-aide', 'reconnaitre-adresse': 'courriel', 'piece-jointe': S, 'appel-video': 'seul',
      'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-site-officiel', direction: 'over' }],
    profile: 'premiers-pas',
    steps: ['atelier-courriel', 'atelier-internet'],
  },
  {
    name: 'Kevin',
    description: "22 ans, très à l'aise avec son smartphone et les réseaux sociaux, mais n'a pas d'adresse de courriel et n'a jamais fait de démarche en ligne.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-arnaque': FAIL,
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'rechercher-information': 'seul', 'site-officiel': 'ne-sais-pas',
      'adresse-courriel': 'non', 'reconnaitre-adresse': 'courriel', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
      'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'premiers-pas',
    steps: ['atelier-courriel', 'atelier-securite'],
  },
  {
    name: 'Olena',
    description:
      "41 ans, ukrainienne, utilise seule son smartphone et internet dans sa langue, n'a pas encore d'adresse de courriel à elle ; elle fait ses démarches avec une bénévole et préfère être accompagnée en ukrainien.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'forfait-mobile', 'rechercher-information': 'seul', 'site-officiel': 'ne-sais-pas',
      'adresse-courriel': 'non', 'reconnaitre-adresse': 'courriel', 'appel-video': 'montrer',
      'creer-compte': 'avec-aide', franceconnect: 'non', 'envoyer-justificatif': 'avec-aide', 'imprimer-scanner': 'non',
      'sms-suspect': 'supprimer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['autre-langue'], urgence: 'non',
    },
    profile: 'premiers-pas',
    steps: ['accompagnement-langue', 'atelier-courriel'],
    flags: ['autre-langue'],
  },
  // ---- presque-autonome ---------------------------------------------------------------------
  {
    name: 'Sophie',
    description:
      "47 ans, va seule sur internet et gère sa propre adresse de courriel (les pièces jointes avec un peu d'aide), mais n'a jamais fait de démarche en ligne. (Limite premiers pas / presque autonome : internet et courriel sont là, les démarches non.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'avec-aide', 'appel-video': 'seul', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['conseiller-numerique', 'atelier-demarches'],
  },
  {
    name: 'Yasmine',
    description:
      "38 ans, ordinateur et smartphone, écrit ses courriels seule, déclare ses ressources à la CAF avec l'aide d'une conseillère, ne connaît pas FranceConnect, et cliquerait sur le lien d'un SMS de « colis ».",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': FAIL,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'seul', 'appel-video': 'seul', 'creer-compte': 'avec-aide', franceconnect: 'non', 'envoyer-justificatif': 'avec-aide',
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['conseiller-numerique', 'franceconnect', 'atelier-securite'],
  },
  {
    name: 'Didier',
    description:
      "50 ans, à l'aise sur internet, fait ses démarches seul, mais utilise le même mot de passe partout et répondrait à un SMS qui lui demande ses coordonnées bancaires. (Limite presque autonome / autonome : la sécurité manque.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': FAIL,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'seul', 'appel-video': 'seul', 'creer-compte': 'seul', franceconnect: 'utilise', 'envoyer-justificatif': 'seul',
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'repondre', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['atelier-securite'],
  },
  {
    name: 'Paul',
    description:
      "45 ans, fait ses démarches seul et envoie ses courriels, mais pense qu'un site avec un drapeau tricolore est forcément officiel. (Limite presque autonome / autonome : risque des faux sites payants.)",
    answers: { 'exercice-site-officiel': FAIL, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'drapeau', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'seul', 'appel-video': 'seul', 'creer-compte': 'seul', franceconnect: 'utilise', 'envoyer-justificatif': 'seul',
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-site-officiel', direction: 'over' }],
    profile: 'presque-autonome',
    steps: ['atelier-internet'],
  },
  {
    name: 'Bernard',
    description:
      "60 ans, malvoyant, utilise seul son ordinateur avec une loupe d'écran et navigue seul, mais fait ses démarches avec de l'aide ; il souhaite un accompagnement adapté à sa vue.",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'avec-aide', 'appel-video': 'avec-aide', 'creer-compte': 'avec-aide', franceconnect: 'connais', 'envoyer-justificatif': S,
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['accompagnement-adapte'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['lieu-adapte', 'conseiller-numerique', 'atelier-demarches'],
    flags: ['accompagnement-adapte'],
  },
  {
    name: 'Robert',
    description:
      "70 ans, lit les informations seul sur sa tablette et gère son courriel, mais ne veut pas apprendre les démarches : sa fille les fait pour lui, avec ses mots de passe.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['tablette'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'ne-sais-pas', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'avec-aide', 'appel-video': 'seul', 'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['aidant-proche', 'conseiller-numerique'],
    flags: ['aide-entourage'],
  },
  {
    name: 'Mamadou',
    description:
      "30 ans, se sert seul de son smartphone et d'internet grâce au wifi de la médiathèque (pas de forfait internet) ; il fait ses démarches avec de l'aide.",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'ailleurs', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'avec-aide', 'appel-video': 'seul', 'creer-compte': 'avec-aide', franceconnect: 'connais', 'envoyer-justificatif': 'avec-aide',
      'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    steps: ['equipement-solidaire', 'conseiller-numerique', 'franceconnect'],
    flags: ['besoin-equipement'],
  },
  // ---- autonome -----------------------------------------------------------------------------
  {
    name: 'Léa',
    description: '29 ans, fait tout en ligne, a les bons réflexes de sécurité et aide souvent ses voisins.',
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    steps: ['services-en-ligne', 'devenir-relais'],
  },
  {
    name: 'Claire',
    description:
      "52 ans, fait seule toutes ses démarches sans se sentir capable de l'expliquer à d'autres ; bons réflexes de sécurité. (Limite presque autonome / autonome : « seule » suffit.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'seul', 'appel-video': 'seul', 'creer-compte': 'seul', franceconnect: 'utilise', 'envoyer-justificatif': 'seul',
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    steps: ['services-en-ligne', 'atelier-avance'],
  },
  {
    name: 'Inès',
    description: "24 ans, étudiante, fait tout seule sur son smartphone avec son forfait, mais n'a ni ordinateur ni imprimante.",
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'forfait-mobile', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'seul', 'appel-video': 'montrer', 'creer-compte': 'seul', franceconnect: 'utilise', 'envoyer-justificatif': 'seul',
      'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    steps: ['lieux-equipes', 'services-en-ligne'],
  },
  {
    name: 'Thomas',
    description: '33 ans, autonome en ligne, mais doit renouveler son titre de séjour avant la fin de la semaine et le site le bloque.',
    answers: { 'exercice-site-officiel': OK, 'exercice-courriel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'oui',
    },
    profile: 'autonome',
    steps: ['aide-aujourd-hui', 'services-en-ligne'],
    flags: ['demarche-urgente'],
  },
];

interface Run {
  path: QuestionId[];
  outcome: Outcome;
}

/** Drives the compiled machine with the persona's answers, as the screens would. */
function replay(persona: Persona): Run {
  const actor = createActor(createQuestionnaireMachine(questionnaire)).start();
  const asked: string[] = [];
  for (let guard = 0; guard <= questionnaire.questions.length; guard++) {
    const state = actor.getSnapshot().value as string;
    if (state === RESULT_STATE) break;
    asked.push(state);
    const answer = persona.answers[state];
    if (answer === undefined) {
      throw new Error(`Persona ${persona.name} has no answer for question "${state}", which the path reaches after: ${asked.slice(0, -1).join(' → ')}`);
    }
    if (typeof answer === 'object' && !Array.isArray(answer)) actor.send({ type: 'exercise.done', result: answer });
    else for (const option of Array.isArray(answer) ? answer : [answer]) actor.send({ type: 'answer.select', option: option as OptionId });
    actor.send({ type: 'nav.next' });
    if ((actor.getSnapshot().value as string) === state) {
      throw new Error(`Persona ${persona.name}: the answer ${JSON.stringify(answer)} to "${state}" did not move the questionnaire on (unknown option?)`);
    }
  }
  const snapshot = actor.getSnapshot();
  expect(snapshot.value, `${persona.name} should reach the result`).toBe(RESULT_STATE);
  const unused = Object.keys(persona.answers).filter((q) => !snapshot.context.path.includes(q as QuestionId));
  if (unused.length) throw new Error(`Persona ${persona.name} answers questions its path skips: ${unused.join(', ')}`);
  actor.stop();
  return { path: snapshot.context.path, outcome: outcomeOf(questionnaire, snapshot.context.answers, snapshot.context.path) };
}

function describeOutcome(run: Run): string {
  const areas = run.outcome.areas.map((a) => `${a.area} ${a.score ?? '–'} (${a.points}/${a.max})`).join(', ');
  return `profile ${run.outcome.profile}; ${areas}; flags ${run.outcome.flags.join(', ') || '–'}; steps ${run.outcome.steps.join(', ')}`;
}

describe('autonomie-numerique: personas', () => {
  it('has at least 20 personas covering every profile and every flag', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PERSONAS.map((p) => p.profile))).toEqual(new Set(questionnaire.profiles));
    const flags = new Set(PERSONAS.flatMap((p) => replay(p).outcome.flags));
    for (const flag of questionnaire.flags) expect(flags.has(flag), `no persona sets flag ${flag}`).toBe(true);
  });

  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_name, persona) => {
    const run = replay(persona);
    const detail = `${persona.name} — ${persona.description}\n  → ${describeOutcome(run)}`;
    if (process.env.PERSONAS_VERBOSE) console.log(`${persona.name} [${run.path.length} q] ${describeOutcome(run)}`);
    expect(run.outcome.profile, detail).toBe(persona.profile);
    for (const step of persona.steps) expect(run.outcome.steps, `${detail}\n  missing step ${step}`).toContain(step);
    for (const flag of persona.flags ?? []) expect(run.outcome.flags, `${detail}\n  missing flag ${flag}`).toContain(flag);
    expect(run.outcome.gaps.map((g) => ({ exercise: g.exercise, direction: g.direction })), `${detail}\n  gaps`).toEqual(persona.gaps ?? []);
    // Context changes the orientation, never the score: the same answers without any context give the same areas.
    const steps = new Set(questionnaire.recommendations.steps.map((s) => s.id as string));
    for (const step of persona.steps) expect(steps.has(step)).toBe(true);
  });

  it('context questions never weigh in the score', () => {
    const context = ['envie-apprendre', 'aide-entourage', 'besoins', 'urgence'];
    for (const id of context) {
      const question = questionnaire.questions.find((q) => q.id === id);
      expect(question, id).toBeDefined();
      for (const option of question?.options ?? []) expect(option.scores ?? {}, `${id}.${option.id}`).toEqual({});
    }
    // and each offers "je préfère ne pas répondre", without a flag
    for (const id of context) {
      const option = questionnaire.questions.find((q) => q.id === id)?.options?.find((o) => o.id === 'prefere-ne-pas-repondre');
      expect(option, `${id} offers prefere-ne-pas-repondre`).toBeDefined();
      expect(option?.flags ?? []).toEqual([]);
    }
  });
});

describe('autonomie-numerique: path lengths', () => {
  it('the shortest path fits in 5 minutes and the longest in 12', { timeout: 120_000 }, () => {
    // A bounded sample with a fixed seed (the exhaustive walk is the validator's), and every persona's path.
    const exploration = explore(questionnaire, { maxWalks: 2000, randomWalks: 3000, seed: 7 });
    const lengths = PERSONAS.map((p) => replay(p).path.length);
    const shortest = Math.min(exploration.shortest?.path.length ?? Infinity, ...lengths);
    const longest = Math.max(exploration.longest?.path.length ?? 0, ...lengths);
    console.log(
      `autonomie-numerique: ${questionnaire.questions.length} questions; shortest path ${shortest} questions (${exploration.shortest?.path.join(' → ')}); ` +
        `longest path ${longest} questions (${exploration.longest?.path.join(' → ')}); ${exploration.exhaustive ? 'all' : 'sampled'} ${exploration.walks} walks`,
    );
    expect(exploration.runaway).toBe(0);
    expect(shortest).toBeLessThanOrEqual(8);
    // Six exercises woven in since issue 8: the longest path went from 22 to 27 screens.
    expect(longest).toBeLessThanOrEqual(28);
    // About 25 seconds a question: under 12 minutes for the longest path.
    expect(longest * 25).toBeLessThan(12 * 60);
  });
});

describe('autonomie-numerique: texts and pictograms', () => {
  const falc = JSON.parse(readFileSync(join(FOLDER, 'locales', 'fr-FALC.json'), 'utf8')) as Record<string, unknown>;
  const leaves = (tree: unknown, prefix = ''): [string, string][] =>
    typeof tree === 'string'
      ? [[prefix, tree]]
      : Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));

  it('easy-read French keeps sentences to 12 words or fewer', () => {
    const long: string[] = [];
    for (const [key, text] of leaves(falc)) {
      // Alt texts are short labels; the professional texts are read by the social worker, in plain French.
      if (key.startsWith('pictograms.') || key.endsWith('.professional')) continue;
      for (const sentence of text.split(/[.!?:;]\s+|[.!?]$/)) {
        const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
        if (words.length > 12) long.push(`${key}: « ${sentence.trim()} » (${words.length} mots)`);
      }
    }
    expect(long).toEqual([]);
  });

  it('pictograms are small, stroke-based 64×64 SVGs without text or outside references', () => {
    for (const name of Object.keys(loaded.pictograms)) {
      const svg = readFileSync(join(FOLDER, 'pictograms', `${name}.svg`), 'utf8');
      expect(svg.length, name).toBeLessThan(1024);
      expect(svg, name).toContain('viewBox="0 0 64 64"');
      expect(svg, name).not.toMatch(/<text|<image|href|url\(|@import|<script|<style/i);
    }
  });

  it('every question and option has a pictogram', () => {
    for (const q of questionnaire.questions) {
      expect(q.pictogram, q.id).toBeTruthy();
      for (const o of q.options ?? []) expect(o.pictogram, `${q.id}.${o.id}`).toBeTruthy();
    }
  });

  it('links are https', () => {
    for (const step of questionnaire.recommendations.steps) if (step.link) expect(step.link).toMatch(/^https:\/\//);
  });

  it('5 to 7 exercises, each checking a self-rating asked before it, never for someone who cannot use a device', () => {
    const exercises = questionnaire.questions.filter((q) => q.kind === 'exercise');
    expect(exercises.length).toBeGreaterThanOrEqual(5);
    expect(exercises.length).toBeLessThanOrEqual(7);
    for (const q of exercises) expect(q.exercise?.checks, q.id).toBeDefined();
    const random = seededRandom(11);
    let without = 0;
    for (let i = 0; i < 3000; i++) {
      const walk = randomWalk(questionnaire, random);
      const device = walk?.answers['utilisation-appareil' as QuestionId];
      if (!walk || device?.type !== 'choice' || device.option !== 'ne-sais-pas-faire') continue;
      without++;
      expect(walk.path.filter((id) => exercises.some((q) => q.id === id)), walk.path.join(' → ')).toEqual([]);
    }
    expect(without).toBeGreaterThan(100);
  });
});
