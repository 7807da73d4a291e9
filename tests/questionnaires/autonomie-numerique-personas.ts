// The personas of the questionnaire "autonomie-numerique": people of all kinds, each with the
// answers they would give, written from their description first, with what a social worker would
// expect (profile, next steps, points to note, gaps). Replayed through the real engine by
// autonomie-numerique-personas.test.ts and measured by scripts/personas.ts.
import { createActor } from 'xstate';
import {
  createQuestionnaireMachine,
  outcomeOf,
  RESULT_STATE,
  type Answers,
  type ExerciseResult,
  type LoadedQuestionnaire,
  type OptionId,
  type Outcome,
  type QuestionId,
  type Questionnaire,
} from '../../src/core/index.ts';

export type Profile = 'faire-pour' | 'decouverte' | 'premiers-pas' | 'presque-autonome' | 'autonome';
export interface Persona {
  name: string;
  description: string;
  /** Option ids, or an exercise's result (OK, PARTIAL, FAIL, PASS, NO_POINTER below). */
  answers: Record<string, string | string[] | ExerciseResult>;
  profile: Profile;
  /** The screens the path takes (questions and exercises): the persona table, checked as data. */
  screens: number;
  /** Step ids that must be among the next steps the person's own result shows. */
  steps: string[];
  /** Flags that must be set. */
  flags?: string[];
  /** Declared-versus-observed gaps the professional must see (none if omitted). */
  gaps?: { exercise: string; direction: 'over' | 'under' }[];
  /** Steps that must not be offered at all (they would contradict what the person said). */
  notSteps?: string[];
  /** Questions the path must ask, and questions it must not. */
  asked?: string[];
  notAsked?: string[];
  /** Why the expected outcome differs from version 1.1.0 of the questionnaire, when it does. */
  changed?: string;
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
export const PERSONAS: Persona[] = [
  // ---- faire-pour ---------------------------------------------------------------------------
  {
    name: 'Marcel',
    description: "82 ans, n'a jamais utilisé d'ordinateur ni de smartphone et ne souhaite pas apprendre ; sa fille l'aide pour ses papiers.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
    profile: 'faire-pour',
    screens: 6,
    steps: ['aidants-connect', 'france-services', 'solidarite-numerique', 'alternative-papier', 'aidant-proche'],
    flags: ['besoin-equipement', 'aide-entourage'],
    // He has no device: a point to note for the professional, but no equipment is offered to someone who does not want to learn and did not ask.
    notSteps: ['equipement-solidaire', 'lieux-equipes', 'atelier-premiers-gestes'],
    changed: "« Aucun » appareil lève maintenant le signal d'équipement (version 1 : aucun signal) ; rien ne lui est proposé pour autant.",
  },
  {
    name: 'Josiane',
    description:
      "74 ans, se sert de son smartphone avec l'aide de sa voisine, ne va sur internet qu'accompagnée ; elle ne veut pas apprendre maintenant et doit faire sa demande de retraite tout de suite.",
    answers: { 'exercice-toucher': PARTIAL, 'exercice-ecrire': PASS, 'exercice-site-officiel': PASS, 'exercice-arnaque': PASS,
      equipement: ['smartphone'], 'utilisation-appareil': 'avec-aide', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', clavier: S, 'installer-application': S,
      'adresse-courriel': 'non',
      'appel-video': 'avec-aide', 'imprimer-scanner': 'non', 'sms-suspect': 'ne-sais-pas', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'pas-maintenant', 'aide-entourage': 'prefere-ne-pas-repondre', besoins: ['prefere-ne-pas-repondre'], urgence: 'oui',
    },
    profile: 'faire-pour',
    screens: 14,
    steps: ['aide-aujourd-hui', 'aidants-connect', 'france-services', 'solidarite-numerique'],
    flags: ['demarche-urgente'],
  },
  {
    name: 'Germaine',
    description:
      "90 ans, vit seule, n'a ni appareil ni internet et ne veut plus apprendre ; personne ne peut l'aider ; elle doit renvoyer son dossier d'aide à domicile avant vendredi.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'personne', besoins: ['rien'], urgence: 'oui' },
    profile: 'faire-pour',
    screens: 6,
    steps: ['aide-aujourd-hui', 'france-services', 'solidarite-numerique', 'aidants-connect', 'alternative-papier'],
    flags: ['demarche-urgente', 'besoin-equipement', 'isolement'],
    notSteps: ['equipement-solidaire', 'lieux-equipes', 'aidant-proche'],
  },
  {
    name: 'Denise',
    description:
      "76 ans, n'a aucun appareil et ne veut pas apprendre l'informatique, mais voudrait une tablette pour voir ses petits-enfants en appel vidéo ; personne ne l'aide.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'personne', besoins: ['appareil'], urgence: 'non' },
    profile: 'faire-pour',
    screens: 6,
    // She asked for a device: equipment is offered even though she does not want to learn.
    steps: ['equipement-solidaire', 'aidants-connect', 'france-services'],
    flags: ['besoin-equipement', 'isolement'],
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
    screens: 7,
    steps: ['accompagnement-langue', 'lieu-lecture', 'aidant-proche', 'atelier-premiers-gestes', 'epn-proche'],
    flags: ['autre-langue', 'lecture-difficile', 'aide-entourage', 'souhait-apprendre'],
  },
  {
    name: 'Nadia',
    description: "35 ans, n'a ni appareil ni connexion ; elle veut apprendre pour suivre la scolarité de ses enfants ; personne ne l'aide.",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'personne', besoins: ['rien'], urgence: 'non' },
    profile: 'decouverte',
    screens: 6,
    steps: ['equipement-solidaire', 'atelier-premiers-gestes', 'epn-proche'],
    flags: ['souhait-apprendre'],
  },
  {
    name: 'Gérard',
    description: "67 ans, appelle et lit ses SMS seul sur son smartphone mais n'est jamais allé sur internet ; il aimerait apprendre.",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': PARTIAL, 'exercice-arnaque': FAIL,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': S, connexion: 'forfait-mobile',
      clavier: 'avec-aide', 'installer-application': S, 'sms-suspect': 'ne-sais-pas',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
    profile: 'decouverte',
    screens: 11,
    steps: ['atelier-premiers-gestes', 'epn-proche'],
  },
  {
    name: 'Lucienne',
    description:
      "80 ans, n'a jamais utilisé d'écran, comme Marcel, mais aimerait apprendre pour voir les photos de ses petits-enfants ; sa fille l'aide. (Limite faire-pour / découverte : l'envie d'apprendre fait la différence.)",
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
    profile: 'decouverte',
    screens: 6,
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
    screens: 7,
    steps: ['atelier-premiers-gestes', 'france-services'],
  },
  {
    name: 'Odette',
    description:
      "70 ans, a besoin d'aide pour allumer et déverrouiller sa tablette, ne sait pas écrire au clavier, ne va sur internet que quand sa petite-fille le fait pour elle ; elle veut apprendre. (Limite découverte / premiers pas : les gestes de base ne sont pas là.)",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': FAIL, 'exercice-site-officiel': FAIL, 'exercice-arnaque': PASS,
      equipement: ['tablette'], 'utilisation-appareil': 'avec-aide', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'maison', clavier: S, 'installer-application': S,
      'adresse-courriel': 'non',
      'appel-video': 'avec-aide', 'imprimer-scanner': 'non', 'sms-suspect': 'ne-sais-pas', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-toucher', direction: 'under' }],
    profile: 'decouverte',
    screens: 14,
    steps: ['atelier-premiers-gestes', 'epn-proche'],
  },
  {
    name: 'Jean-Pierre',
    description: "55 ans, a du mal à lire ; son fils fait tout pour lui sur internet ; il n'a qu'un vieux téléphone à touches ; il veut apprendre.",
    answers: { equipement: ['telephone-simple'], 'utilisation-appareil': S, connexion: 'aucune', 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['lecture'], urgence: 'non' },
    profile: 'decouverte',
    screens: 7,
    steps: ['equipement-solidaire', 'lieu-lecture', 'aidant-proche', 'epn-proche', 'atelier-premiers-gestes'],
    flags: ['besoin-equipement', 'lecture-difficile', 'aide-entourage'],
    notAsked: ['exercice-toucher', 'exercice-ecrire'],
    changed: "Il répond maintenant « un téléphone simple » (version 1 : « Aucun », faute de mieux), puis « pas de connexion » : le signal d'équipement est levé.",
  },
  {
    name: 'Gilbert',
    description:
      "71 ans, n'a qu'un téléphone à touches avec lequel il appelle seul ; il n'a jamais touché un smartphone ni un ordinateur ; il aimerait apprendre et sa fille l'aide parfois.",
    answers: { equipement: ['telephone-simple'], 'utilisation-appareil': S, connexion: 'aucune', 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
    profile: 'decouverte',
    screens: 7,
    steps: ['equipement-solidaire', 'aidant-proche', 'epn-proche', 'atelier-premiers-gestes'],
    flags: ['besoin-equipement', 'aide-entourage', 'souhait-apprendre'],
    // Phoning on a basic mobile is no reason for touch and typing exercises.
    notAsked: ['exercice-toucher', 'exercice-ecrire', 'usage-internet'],
  },
  {
    name: 'Simone',
    description:
      "79 ans, malvoyante (DMLA) : elle lit bien mais voit mal l'écran ; elle se sert de sa tablette avec l'aide de son fils et ne va pas sur internet ; elle veut apprendre sur un écran adapté.",
    answers: { 'exercice-toucher': PARTIAL, 'exercice-ecrire': FAIL,
      equipement: ['tablette'], 'utilisation-appareil': 'avec-aide', 'usage-internet': S, connexion: 'maison', 'installer-application': S,
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['vue'], urgence: 'non',
    },
    profile: 'decouverte',
    screens: 10,
    steps: ['lieu-vision', 'aidant-proche', 'atelier-premiers-gestes'],
    flags: ['basse-vision', 'aide-entourage', 'souhait-apprendre'],
    // A partially sighted person is not sent to a reading-help place.
    notSteps: ['lieu-lecture'],
  },
  // ---- premiers-pas -------------------------------------------------------------------------
  {
    name: 'Monique',
    description:
      "63 ans, se sert seule de sa tablette pour les photos et les appels, mais ne va sur internet qu'avec l'aide de son mari ; c'est lui qui gère son adresse de courriel. (Limite découverte / premiers pas : elle manipule bien l'appareil.)",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': OK, 'exercice-site-officiel': FAIL, 'exercice-arnaque': OK,
      equipement: ['tablette'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
      connexion: 'maison', clavier: 'seul', 'installer-application': 'avec-aide',
      'adresse-courriel': 'oui-aide',
      'appel-video': 'seul', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'premiers-pas',
    screens: 12,
    steps: ['atelier-internet', 'atelier-courriel'],
  },
  {
    name: 'Jacqueline',
    description:
      "68 ans, a un vieil ordinateur portable ; elle dit se servir seule de la souris, mais l'exercice de double-clic ne marche pas ; elle va sur internet avec l'aide de son petit-fils. (Surestime la souris : l'écart est signalé au professionnel.)",
    answers: {
      equipement: ['ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S, connexion: 'maison',
      'exercice-toucher': PARTIAL, souris: 'seul', 'exercice-double-clic': FAIL, clavier: 'avec-aide', 'exercice-ecrire': PARTIAL,
      'exercice-site-officiel': PASS, 'adresse-courriel': 'non',
      'appel-video': 'avec-aide', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'ne-sais-pas',
      'exercice-arnaque': PASS, 'mots-de-passe': 'ne-sais-pas', 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-double-clic', direction: 'over' }],
    profile: 'premiers-pas',
    screens: 14,
    steps: ['atelier-internet', 'atelier-courriel'],
  },
  {
    name: 'Sandrine',
    description:
      "40 ans, utilise seule WhatsApp et Facebook et va parfois seule sur internet, mais c'est sa fille qui a créé son adresse de courriel et elle n'en connaît pas le mot de passe ; jamais fait de démarche en ligne.",
    answers: { 'exercice-site-officiel': FAIL, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile',
      'adresse-courriel': 'oui-aide', 'appel-video': 'seul',
      'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-site-officiel', direction: 'over' }],
    profile: 'premiers-pas',
    screens: 13,
    steps: ['atelier-courriel', 'atelier-internet'],
  },
  {
    name: 'Kevin',
    description: "22 ans, très à l'aise avec son smartphone et les réseaux sociaux, mais n'a pas d'adresse de courriel et n'a jamais fait de démarche en ligne.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-arnaque': FAIL,
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile',
      'adresse-courriel': 'non', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
      'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
    profile: 'premiers-pas',
    screens: 14,
    steps: ['atelier-courriel', 'atelier-securite'],
  },
  {
    name: 'Olena',
    description:
      "41 ans, ukrainienne, utilise seule son smartphone et internet dans sa langue, n'a pas encore d'adresse de courriel à elle ; elle fait ses démarches avec une bénévole et préfère être accompagnée en ukrainien.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'forfait-mobile',
      'adresse-courriel': 'non', 'appel-video': 'montrer',
      'gestes-demarches': ['aucun'], 'imprimer-scanner': 'non',
      'sms-suspect': 'supprimer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['autre-langue'], urgence: 'non',
    },
    profile: 'premiers-pas',
    screens: 15,
    steps: ['accompagnement-langue', 'atelier-courriel'],
    flags: ['autre-langue'],
  },
  {
    name: 'Fatou',
    description:
      "45 ans, son smartphone est cassé depuis deux mois ; avant, elle envoyait seule des messages et des photos, et allait sur internet avec l'aide de sa fille ; elle veut apprendre et a besoin d'un téléphone qui marche.",
    answers: { 'exercice-arnaque': OK,
      equipement: ['casse'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'adresse-courriel': 'oui-aide',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['appareil'], urgence: 'non',
    },
    profile: 'premiers-pas',
    screens: 9,
    steps: ['equipement-solidaire', 'aidant-proche', 'epn-proche', 'atelier-courriel'],
    flags: ['besoin-equipement', 'aide-entourage', 'souhait-apprendre'],
    // No working device here: no exercise on her own screen skills.
    notAsked: ['connexion', 'exercice-toucher'],
  },
  {
    name: 'Youssef',
    description:
      "52 ans, n'a pas d'appareil à lui : il emprunte la tablette de sa fille et s'en sert avec son aide, internet aussi ; il veut apprendre.",
    answers: { 'exercice-toucher': OK, 'exercice-ecrire': PARTIAL, 'exercice-arnaque': PASS,
      equipement: ['pas-a-moi'], 'utilisation-appareil': 'avec-aide', 'usage-internet': 'avec-aide', 'adresse-courriel': 'non', 'sms-suspect': 'ne-sais-pas',
      'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'premiers-pas',
    screens: 12,
    steps: ['equipement-solidaire', 'aidant-proche', 'epn-proche', 'atelier-courriel'],
    flags: ['besoin-equipement', 'aide-entourage', 'souhait-apprendre'],
    asked: ['exercice-toucher', 'exercice-ecrire', 'sms-suspect'],
    // He says he needs help, and touches the target without a miss: the professional sees it.
    gaps: [{ exercise: 'exercice-toucher', direction: 'under' }],
  },
  // ---- presque-autonome ---------------------------------------------------------------------
  {
    name: 'Sophie',
    description:
      "47 ans, va seule sur internet et gère sa propre adresse de courriel (les pièces jointes avec un peu d'aide), mais n'a jamais fait de démarche en ligne. (Limite premiers pas / presque autonome : internet et courriel sont là, les démarches non.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'adresse-courriel': 'oui-seul',
      'appel-video': 'seul', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 12,
    steps: ['conseiller-numerique', 'atelier-demarches'],
  },
  {
    name: 'Yasmine',
    description:
      "38 ans, ordinateur et smartphone, écrit ses courriels seule, déclare ses ressources à la CAF avec l'aide d'une conseillère, ne connaît pas FranceConnect, et cliquerait sur le lien d'un SMS de « colis ».",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': FAIL,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes',
      'appel-video': 'seul', 'gestes-demarches': ['aucun'],
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 14,
    steps: ['conseiller-numerique', 'franceconnect', 'atelier-securite'],
  },
  {
    name: 'Didier',
    description:
      "50 ans, à l'aise sur internet, fait ses démarches seul, mais utilise le même mot de passe partout et répondrait à un SMS qui lui demande ses coordonnées bancaires. (Limite presque autonome / autonome : la sécurité manque.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': FAIL,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes',
      'appel-video': 'seul', 'gestes-demarches': ['compte', 'franceconnect', 'justificatif', 'attestation'],
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'repondre', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 13,
    steps: ['conseiller-numerique', 'cybermalveillance'],
    notSteps: ['atelier-securite', 'atelier-demarches'],
    changed: "Il a dit ne pas vouloir apprendre : plus d'atelier (version 1 : l'atelier sécurité) ; Cybermalveillance.gouv.fr reste, pour les arnaques.",
  },
  {
    name: 'Paul',
    description:
      "45 ans, fait ses démarches seul et envoie ses courriels, mais pense qu'un site avec un drapeau tricolore est forcément officiel. (Limite presque autonome / autonome : risque des faux sites payants.)",
    answers: { 'exercice-site-officiel': FAIL, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes',
      'appel-video': 'seul', 'gestes-demarches': ['compte', 'franceconnect', 'justificatif', 'attestation'],
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    gaps: [{ exercise: 'exercice-site-officiel', direction: 'over' }],
    profile: 'presque-autonome',
    screens: 13,
    steps: ['conseiller-numerique', 'cybermalveillance'],
    notSteps: ['atelier-internet'],
    changed: "Il a dit ne pas vouloir apprendre : plus d'atelier internet (version 1) ; Cybermalveillance.gouv.fr, qui apprend à reconnaître les faux sites, le remplace.",
  },
  {
    name: 'Bernard',
    description:
      "60 ans, malvoyant, utilise seul son ordinateur avec une loupe d'écran et navigue seul, mais fait ses démarches avec de l'aide ; il souhaite un accompagnement adapté à sa vue.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'maison', 'adresse-courriel': 'oui-seul',
      'appel-video': 'avec-aide', 'gestes-demarches': ['aucun'],
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['vue'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 14,
    steps: ['lieu-vision', 'conseiller-numerique', 'atelier-demarches'],
    flags: ['basse-vision'],
    notSteps: ['lieu-lecture'],
    changed: "Il coche maintenant « je vois mal » (version 1 : « un accompagnement adapté », seul choix pour la vue) : un lieu adapté à la vue, jamais un lieu d'aide à la lecture.",
  },
  {
    name: 'Robert',
    description:
      "70 ans, lit les informations seul sur sa tablette et gère son courriel, mais ne veut pas apprendre les démarches : sa fille les fait pour lui, avec ses mots de passe.",
    answers: { 'exercice-site-officiel': PARTIAL, 'exercice-arnaque': OK,
      equipement: ['tablette'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'adresse-courriel': 'oui-seul',
      'appel-video': 'seul', 'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'un-proche',
      'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 13,
    steps: ['aidant-proche', 'conseiller-numerique'],
    flags: ['aide-entourage'],
  },
  {
    name: 'Mamadou',
    description:
      "30 ans, se sert seul de son smartphone et d'internet grâce au wifi de la médiathèque (pas de forfait internet) ; il fait ses démarches avec de l'aide.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'ailleurs', 'adresse-courriel': 'oui-seul',
      'appel-video': 'seul', 'gestes-demarches': ['aucun'],
      'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'le-meme',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 14,
    steps: ['equipement-solidaire', 'conseiller-numerique', 'franceconnect'],
    flags: ['besoin-equipement'],
  },
  {
    name: 'Hugo',
    description:
      "19 ans, pourrait montrer internet à n'importe qui et a son adresse de courriel, mais n'a jamais envoyé de pièce jointe ; il fait ses démarches avec l'aide de sa mère.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'avec-aide',
      connexion: 'forfait-mobile', 'adresse-courriel': 'oui-seul', 'gestes-demarches': ['compte'], 'imprimer-scanner': 'non',
      'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 13,
    steps: ['aidant-proche', 'conseiller-numerique', 'atelier-demarches'],
    flags: ['aide-entourage', 'souhait-apprendre'],
    // « Je pourrais montrer » internet no longer skips the attachment: the e-mail question asks it of everyone,
    // and e-mail without attachments is not « acquis ».
    asked: ['adresse-courriel'],
  },
  {
    name: 'Raymond',
    description:
      "66 ans, sourd depuis l'enfance : il se sert seul de son smartphone et d'internet (messages écrits, visio en langue des signes) et de son courriel ; il fait ses démarches avec de l'aide, car les services l'appellent au téléphone ; il souhaite un accompagnement avec un interprète.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'avec-aide',
      connexion: 'forfait-mobile', 'adresse-courriel': 'oui-pieces-jointes', 'gestes-demarches': ['compte', 'justificatif'], 'imprimer-scanner': 'non',
      'mots-de-passe': 'differents', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['accompagnement-adapte'], urgence: 'non',
    },
    profile: 'presque-autonome',
    screens: 13,
    steps: ['lieu-adapte', 'conseiller-numerique'],
    flags: ['accompagnement-adapte'],
  },
  // ---- autonome -----------------------------------------------------------------------------
  {
    name: 'Léa',
    description: '29 ans, fait tout en ligne, a les bons réflexes de sécurité et aide souvent ses voisins.',
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes', 'appel-video': 'montrer', 'imprimer-scanner': 'chez-moi',
      'sms-suspect': 'supprimer', 'mots-de-passe': 'differents', 'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    screens: 11,
    steps: ['services-en-ligne', 'devenir-relais'],
  },
  {
    name: 'Claire',
    description:
      "52 ans, fait seule toutes ses démarches sans se sentir capable de l'expliquer à d'autres ; bons réflexes de sécurité. (Limite presque autonome / autonome : « seule » suffit.)",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes',
      'appel-video': 'seul', 'gestes-demarches': ['compte', 'franceconnect', 'justificatif', 'attestation'],
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    screens: 12,
    steps: ['services-en-ligne', 'atelier-avance'],
  },
  {
    name: 'Inès',
    description: "24 ans, étudiante, fait tout seule sur son smartphone avec son forfait, mais n'a ni ordinateur ni imprimante.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': 'seul',
      connexion: 'forfait-mobile', 'adresse-courriel': 'oui-pieces-jointes',
      'appel-video': 'montrer', 'gestes-demarches': ['compte', 'franceconnect', 'justificatif', 'attestation'],
      'imprimer-scanner': 'non', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', besoins: ['rien'], urgence: 'non',
    },
    profile: 'autonome',
    screens: 12,
    steps: ['lieux-equipes', 'services-en-ligne'],
  },
  {
    name: 'Thomas',
    description: '33 ans, autonome en ligne, mais doit renouveler son titre de séjour avant la fin de la semaine et le site le bloque.',
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes', 'appel-video': 'seul', 'imprimer-scanner': 'chez-moi',
      'sms-suspect': 'supprimer', 'mots-de-passe': 'differents', 'envie-apprendre': 'non', besoins: ['rien'], urgence: 'oui',
    },
    profile: 'autonome',
    screens: 11,
    steps: ['aide-aujourd-hui', 'services-en-ligne'],
    flags: ['demarche-urgente'],
  },
  {
    name: 'Ali',
    description:
      "34 ans, faisait seul toutes ses démarches en ligne dans son pays, en arabe ; il va seul sur internet et gère son courriel, mais en France les démarches en français le bloquent.",
    answers: { 'exercice-site-officiel': OK, 'exercice-arnaque': OK,
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': 'pas-en-francais',
      connexion: 'maison', 'adresse-courriel': 'oui-pieces-jointes', 'gestes-demarches': ['compte', 'justificatif', 'attestation'],
      'imprimer-scanner': 'ailleurs', 'mots-de-passe': 'differents', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['autre-langue'], urgence: 'non',
    },
    // The skill is there (« je sais faire, mais pas en français »): help in his language first.
    profile: 'autonome',
    screens: 13,
    steps: ['accompagnement-langue', 'services-en-ligne'],
    flags: ['autre-langue'],
  },
];

/** A persona's run: the path its answers take, the outcome, and answers its path never asked for. */
export interface PersonaRun {
  path: QuestionId[];
  answers: Answers;
  outcome: Outcome;
  unused: string[];
}

/** Drives the compiled machine with the persona's answers, as the screens would; throws where an answer is missing or does not fit. */
export function walkPersona(questionnaire: Questionnaire, persona: Persona): PersonaRun {
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
  actor.stop();
  if (snapshot.value !== RESULT_STATE) throw new Error(`Persona ${persona.name} does not reach the result`);
  const { path, answers } = snapshot.context;
  return { path, answers, outcome: outcomeOf(questionnaire, answers, path), unused: Object.keys(persona.answers).filter((q) => !path.includes(q as QuestionId)) };
}

/** The persona table's summary, as the README shows it: screens per profile, the median and the longest. */
export function personaSummary(loaded: LoadedQuestionnaire, runs: readonly PersonaRun[]): { median: number; longest: number; shortest: number; markdown: string[] } {
  const lengths = runs.map((r) => r.path.length).sort((a, b) => a - b);
  const middle = lengths.length / 2;
  const median = lengths.length % 2 ? (lengths[Math.floor(middle)] ?? 0) : ((lengths[middle - 1] ?? 0) + (lengths[middle] ?? 0)) / 2;
  const titles = (loaded.locales.fr?.profiles ?? {}) as Record<string, { title?: string }>;
  const markdown = ['| profil | personas | écrans |', '|---|---|---|'];
  for (const profile of loaded.questionnaire.profiles) {
    const of = runs.filter((r) => r.outcome.profile === profile).map((r) => r.path.length);
    if (!of.length) continue;
    const [low, high] = [Math.min(...of), Math.max(...of)];
    markdown.push(`| ${titles[profile]?.title ?? profile} (\`${profile}\`) | ${of.length} | ${low === high ? low : `${low} à ${high}`} |`);
  }
  markdown.push(`| **toutes** | **${runs.length}** | **${lengths[0]} à ${lengths.at(-1)}, médiane ${String(median).replace('.', ',')}** |`);
  return { median, longest: lengths.at(-1) ?? 0, shortest: lengths[0] ?? 0, markdown };
}
