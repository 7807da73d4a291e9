import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, type Problem, type QuestionnaireSource } from '../../src/core/index.ts';
import fr from '../../src/i18n/validation/fr.json' with { type: 'json' };
import { formatProblem } from '../../src/i18n/problems.ts';
import { MAX_DATA_BYTES } from '../../src/core/data-file.ts';
import { readPlaces } from '../../src/core/places.ts';
import { readSettings } from '../../src/core/settings.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { join } from 'node:path';

type Json = Record<string, unknown>;
const sample = readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple'));
const i18n = i18next.createInstance();
i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, initAsync: false, interpolation: { escapeValue: false } });

/** The sample questionnaire with one change applied to its structure (and optionally its French texts). */
function broken(change: (q: Json) => void, changeFr?: (t: Json) => void, more?: Partial<QuestionnaireSource>): QuestionnaireSource {
  const structure = JSON.parse(sample.structure.text) as Json;
  change(structure);
  const locales = sample.locales.map((l) => {
    if (l.language !== 'fr' || !changeFr) return l;
    const tree = JSON.parse(l.text) as Json;
    changeFr(tree);
    return { ...l, text: JSON.stringify(tree) };
  });
  return { ...sample, locales, ...more, structure: { ...sample.structure, text: JSON.stringify(structure), ...more?.structure } };
}

const questions = (q: Json) => q.questions as Json[];
/** The French texts of an exercise "clic" added to the sample (other languages then miss them, which these cases do not test). */
const exerciseTexts = (t: Json) => {
  (t.questions as Json).clic = { text: 'Cliquez', gap: { over: 'a', under: 'b' } };
};
const question = (q: Json, id: string) => questions(q).find((x) => x.id === id) as Json;
const options = (q: Json, id: string) => question(q, id).options as Json[];

function problemsOf(source: QuestionnaireSource): Problem[] {
  const result = loadQuestionnaire(source);
  return result.ok ? result.warnings : result.problems;
}

interface Case {
  name: string;
  source: () => QuestionnaireSource;
  code: Problem['code'];
  file?: string;
  path: string;
  /** Words the French message must contain (the fix, the ids it names). */
  says: string[];
}

const cases: Case[] = [
  { name: 'a file that is not JSON', source: () => ({ ...sample, structure: { ...sample.structure, text: '{ "id": "exemple",\n  "version": }' } }), code: 'json.parse', path: '$', says: ['ligne 2', 'virgule'] },
  { name: 'a required key missing', source: () => broken((q) => delete q.start), code: 'key.required', path: '$', says: ['« start »', 'Ajoutez'] },
  { name: 'a misspelt key', source: () => broken((q) => { q.profilRules = q.profileRules; }), code: 'key.unknown', path: '$.profilRules', says: ['« profilRules »', 'profileRules'] },
  { name: 'an id that is not kebab-case', source: () => broken((q) => { question(q, 'courriel').id = 'Courriel Électronique'; }), code: 'id.format', path: '$.questions[3].id', says: ['courriel-electronique'] },
  { name: 'two questions with one id', source: () => broken((q) => { question(q, 'courriel').id = 'equipement'; }), code: 'id.duplicate', path: '$.questions[3].id', says: ['« equipement »', 'unique'] },
  { name: 'two options with one id', source: () => broken((q) => { (options(q, 'usage-internet')[1] as Json).id = 'jamais'; }), code: 'id.duplicate', path: '$.questions[2].options[1].id', says: ['« jamais »'] },
  { name: 'a reserved id', source: () => broken((q) => { questions(q).push({ id: 'result', kind: 'info' }); }), code: 'id.reserved', path: '$.questions[8].id', says: ['réservé'] },
  { name: 'an id that is not the folder name', source: () => broken((q) => { q.id = 'autre'; }), code: 'id.folder', path: '$.id', says: ['« exemple »'] },
  { name: 'an unknown question kind', source: () => broken((q) => { question(q, 'courriel').kind = 'scael'; }), code: 'kind.unknown', path: '$.questions[3].kind', says: ['« scale »'] },
  { name: 'a choice question with one option', source: () => broken((q) => { question(q, 'courriel').options = [options(q, 'courriel')[0]]; }), code: 'options.count', path: '$.questions[3].options', says: ['au moins deux'] },
  { name: 'an info screen with options', source: () => broken((q) => { question(q, 'bienvenue').options = [{ id: 'a' }, { id: 'b' }]; }), code: 'options.forbidden', path: '$.questions[0].options', says: ['Retirez « options »'] },
  { name: 'a yes / no question with another answer', source: () => broken((q) => { (options(q, 'urgence')[2] as Json).id = 'peut-etre'; }), code: 'options.yes-no', path: '$.questions[7].options[2].id', says: ['« single »'] },
  { name: 'an answer that stands alone in a scale question', source: () => broken((q) => { (options(q, 'courriel')[1] as Json).exclusive = true; }), code: 'options.exclusive', path: '$.questions[3].options[1].exclusive', says: ['choix multiples', '« scale »', 'Retirez « exclusive »'] },
  { name: 'an exclusive flag written as text', source: () => broken((q) => { (options(q, 'equipement')[2] as Json).exclusive = 'oui'; }), code: 'type.boolean', path: '$.questions[1].options[2].exclusive', says: ['true ou false'] },
  { name: 'a weight on an unknown area', source: () => broken((q) => { (options(q, 'courriel')[1] as Json).scores = { communiction: 1 }; }), code: 'reference.area', path: '$.questions[3].options[1].scores.communiction', says: ['« communication »'] },
  { name: 'a weight that is text', source: () => broken((q) => { (options(q, 'courriel')[1] as Json).scores = { communication: '1' }; }), code: 'type.number', path: '$.questions[3].options[1].scores.communication', says: ['sans guillemets'] },
  { name: 'a negative weight', source: () => broken((q) => { (options(q, 'courriel')[1] as Json).scores = { communication: -2 }; }), code: 'number.range', path: '$.questions[3].options[1].scores.communication', says: ['entre 0 et 100'] },
  { name: 'an unknown flag on an option', source: () => broken((q) => { (options(q, 'urgence')[0] as Json).flags = ['urgent']; }), code: 'reference.flag', path: '$.questions[7].options[0].flags[0]', says: ['« urgence »'] },
  { name: 'a next that names an unknown question', source: () => broken((q) => { question(q, 'sms-banque').next = 'urgense'; }), code: 'reference.question', path: '$.questions[5].next', says: ['« urgence »'] },
  { name: 'a condition on an unknown option', source: () => broken((q) => { ((question(q, 'usage-internet').next as Json[])[0] as Json).if = { answer: 'usage-internet', is: 'jamias' }; }), code: 'reference.option', path: '$.questions[2].next[0].if.is', says: ['« jamais »'] },
  { name: 'a condition of no known shape', source: () => broken((q) => { ((question(q, 'usage-internet').next as Json[])[0] as Json).if = { answer: 'usage-internet', equals: 'jamais' }; }), code: 'condition.shape', path: '$.questions[2].next[0].if', says: ['isOneOf'] },
  { name: '"includes" on a single-choice question', source: () => broken((q) => { ((question(q, 'usage-internet').next as Json[])[0] as Json).if = { answer: 'usage-internet', includes: 'jamais' }; }), code: 'condition.includes-single', path: '$.questions[2].next[0].if.includes', says: ['« is »'] },
  { name: '"is" on a multiple-choice question', source: () => broken((q) => { question(q, 'equipement').next = [{ if: { answer: 'equipement', is: 'aucun' }, goto: 'envie-apprendre' }, { goto: 'usage-internet' }]; }), code: 'condition.is-multiple', path: '$.questions[1].next[0].if.is', says: ['« includes »'] },
  { name: 'a condition on a question asked later', source: () => broken((q) => { question(q, 'equipement').next = [{ if: { answer: 'urgence', is: 'oui' }, goto: 'envie-apprendre' }, { goto: 'usage-internet' }]; }), code: 'condition.not-before', path: '$.questions[1].next[0].if.answer', says: ['jamais vraie'] },
  { name: 'a score condition on an unknown area', source: () => broken((q) => { (q.profileRules as Json[])[2] = { profile: 'premiers-pas', when: { score: 'courriel', atMost: 40 } }; }), code: 'reference.area', path: '$.profileRules[2].when.score', says: ['« courriel »', 'areas'] },
  { name: 'a flag condition on an unknown flag', source: () => broken((q) => { (q.profileRules as Json[])[0] = { profile: 'faire-pour', when: { flag: 'apprendre' } }; }), code: 'reference.flag', path: '$.profileRules[0].when.flag', says: ['« apprendre »'] },
  { name: 'conditional branches with no fallback', source: () => broken((q) => { question(q, 'usage-internet').next = [{ if: { answer: 'usage-internet', is: 'jamais' }, goto: 'envie-apprendre' }]; }), code: 'next.no-fallback', path: '$.questions[2].next', says: ['sans profil', 'sans « if »'] },
  { name: 'a branch after the fallback', source: () => broken((q) => { question(q, 'usage-internet').next = [{ goto: 'courriel' }, { if: { answer: 'usage-internet', is: 'jamais' }, goto: 'envie-apprendre' }]; }), code: 'next.after-fallback', path: '$.questions[2].next[1]', says: ['jamais utilisée'] },
  { name: 'a question that leads to itself', source: () => broken((q) => { question(q, 'courriel').next = 'courriel'; }), code: 'next.self', path: '$.questions[3].next', says: ['elle-même'] },
  { name: 'a question no path reaches', source: () => broken((q) => { question(q, 'sms-banque').next = 'end'; question(q, 'envie-apprendre').next = 'end'; }), code: 'question.unreachable', path: '$.questions[7]', says: ['« urgence »'] },
  { name: 'a cycle', source: () => broken((q) => { question(q, 'sms-banque').next = 'courriel'; }), code: 'graph.cycle', path: '$.questions[5].next', says: ['boucle', 'courriel → demarches-en-ligne → sms-banque → courriel'] },
  { name: 'profile rules without a default', source: () => broken((q) => { (q.profileRules as Json[]).pop(); (q.profileRules as Json[]).push({ profile: 'autonome', when: { score: 'global', atLeast: 80 } }); }), code: 'profile-rules.no-default', path: '$.profileRules', says: ['sans « when »'] },
  { name: 'a rule after the default', source: () => broken((q) => { (q.profileRules as Json[]).push({ profile: 'decouverte', when: { flag: 'urgence' } }); }), code: 'profile-rules.after-default', path: '$.profileRules[5]', says: ['jamais utilisée'] },
  { name: 'a rule for an undeclared profile', source: () => broken((q) => { ((q.profileRules as Json[])[1] as Json).profile = 'debutant'; }), code: 'reference.profile', path: '$.profileRules[1].profile', says: ['« debutant »'] },
  { name: 'a declared profile with no rule', source: () => broken((q) => { (q.profiles as string[]).push('expert'); }, (t) => { (t.profiles as Json).expert = { title: 'E', description: 'E', professional: 'E' }; }), code: 'profile.no-rule', path: '$.profiles', says: ['« expert »'] },
  { name: 'a profile no answers can reach', source: () => broken((q) => { ((q.profileRules as Json[])[3] as Json).when = { all: [{ score: 'demarches', atMost: 60 }, { score: 'demarches', atLeast: 90 }] }; }), code: 'profile.unreached', path: '$.profileRules[3]', says: ['« presque-autonome »', 'Assouplissez'] },
  { name: 'an unknown recommended step', source: () => broken((q) => { ((q.recommendations as Json).byProfile as Json).autonome = ['devenir-relai']; }), code: 'reference.step', path: '$.recommendations.byProfile.autonome[0]', says: ['« devenir-relai »', 'devenir-relais'] },
  { name: 'an unknown area level', source: () => broken((q) => { ((q.recommendations as Json).byAreaLevel as Json).securite = { faible: ['atelier-securite'] }; }), code: 'reference.level', path: '$.recommendations.byAreaLevel.securite.faible', says: ['a-travailler'] },
  { name: 'a link that is not https', source: () => broken((q) => { (((q.recommendations as Json).steps as Json[])[0] as Json).link = 'http://france-services.gouv.fr'; }), code: 'step.link', path: '$.recommendations.steps[0].link', says: ['https://'] },
  { name: 'a missing pictogram file', source: () => broken((q) => { question(q, 'courriel').pictogram = 'lettre'; }), code: 'reference.pictogram', path: '$.questions[3].pictogram', says: ['pictograms/lettre.svg'] },
  { name: 'levels in the wrong order', source: () => broken((q) => { q.levels = { 'en-cours': 80, acquis: 60 }; }), code: 'levels.order', path: '$.levels', says: ['Inversez'] },
  { name: 'a default language that is not declared', source: () => broken((q) => { q.defaultLanguage = 'es'; }), code: 'language.default', path: '$.defaultLanguage', says: ['« es »'] },
  { name: 'an exercise step without its exercise', source: () => broken((q) => { questions(q).splice(1, 0, { id: 'clic', kind: 'exercise' }); }), code: 'exercise.missing', path: '$.questions[1].exercise', says: ['« type »'] },
  { name: 'an unknown exercise kind', source: () => broken((q) => { questions(q).splice(1, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-targt' } }); }, (t) => { (t.questions as Json).clic = { text: 'Cliquez' }; }), code: 'exercise.type', path: '$.questions[1].exercise.type', says: ['« click-target »'] },
  { name: 'an exercise that checks an unknown question', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-target', checks: 'usage-internt' } }); }, exerciseTexts), code: 'reference.question', path: '$.questions[3].exercise.checks', says: ['« usage-internt »', '« usage-internet »'] },
  { name: 'an exercise that checks a question asked after it', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-target', checks: 'urgence' } }); }, exerciseTexts), code: 'condition.not-before', path: '$.questions[3].exercise.checks', says: ['« urgence »', 'jamais vraie'] },
  { name: 'an exercise that checks a multiple-choice question', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-target', checks: 'equipement' } }); }, exerciseTexts), code: 'exercise.checks-kind', path: '$.questions[3].exercise.checks', says: ['« equipement »', 'auto-évaluation'] },
  { name: 'an unknown exercise setting', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-target', settings: { target: 3 } } }); }, exerciseTexts), code: 'exercise.setting', path: '$.questions[3].exercise.settings.target', says: ['« targets »'] },
  { name: 'a word exercise without its word', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'type-word' } }); }, exerciseTexts), code: 'exercise.setting-missing', path: '$.questions[3].exercise.settings', says: ['« word »'] },
  { name: 'a choice exercise whose right answer is not a choice', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'pick-email', settings: { choices: 'courriel, site', correct: 'courier' } } }); }, (t) => { exerciseTexts(t); ((t.questions as Json).clic as Json).choices = { courriel: 'a@b.fr', site: 'www.b.fr' }; }), code: 'exercise.correct', path: '$.questions[3].exercise.settings.correct', says: ['« courriel »'] },
  { name: 'a choice exercise without the text of a choice', source: () => broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'pick-email', settings: { choices: 'courriel, site', correct: 'courriel' } } }); }, exerciseTexts), code: 'locale.missing-key', file: 'questionnaires/exemple/locales/en.json', path: '$.questions.clic.choices.courriel', says: ['« en »'] },
  { name: 'a locale file missing a text', source: () => broken(() => {}, (t) => { delete ((t.questions as Json).courriel as Json).text; }), code: 'locale.missing-key', file: 'questionnaires/exemple/locales/fr.json', path: '$.questions.courriel.text', says: ['« fr »'] },
  { name: 'a text present in one locale only', source: () => broken(() => {}, (t) => { ((t.questions as Json).courriel as Json).hint = 'Un message électronique.'; }), code: 'locale.partial-key', file: 'questionnaires/exemple/locales/fr.json', path: '$.questions.courriel.hint', says: ['en'] },
  { name: 'an empty text', source: () => broken(() => {}, (t) => { t.title = ' '; }), code: 'locale.empty', file: 'questionnaires/exemple/locales/fr.json', path: '$.title', says: ['vide'] },
  { name: 'a locale file missing for a declared language', source: () => ({ ...sample, locales: sample.locales.filter((l) => l.language !== 'en') }), code: 'file.missing', file: 'questionnaires/exemple/locales/en.json', path: '$', says: ['« en »'] },
  { name: 'a locale file that is not JSON', source: () => ({ ...sample, locales: sample.locales.map((l) => (l.language === 'en' ? { ...l, text: '{"title": "x",}' } : l)) }), code: 'json.parse', file: 'questionnaires/exemple/locales/en.json', path: '$', says: ['ligne 1'] },
];

describe('the validator names the file, the JSON path and the fix', () => {
  it(`covers ${cases.length} distinct broken files`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name', ({ source, code, file, path, says }) => {
    const problems = problemsOf(source());
    const found = problems.find((p) => p.code === code && p.path === path);
    expect(found, `expected ${code} at ${path}, got:\n${problems.map((p) => `${p.code} ${p.path}`).join('\n')}`).toBeDefined();
    const problem = found as Problem;
    expect(problem.file).toBe(file ?? 'questionnaires/exemple/questionnaire.json');
    const line = formatProblem(problem, i18n.t);
    expect(line.startsWith(`${problem.file} — ${problem.named ?? path} : `)).toBe(true);
    for (const words of says) expect(line).toContain(words);
    expect(line).not.toMatch(/\{\{|validation\.codes/);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf(
      broken((q) => {
        question(q, 'courriel').kind = 'scael';
        question(q, 'sms-banque').next = 'urgense';
        q.defaultLanguage = 'es';
      }),
    );
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['kind.unknown', 'reference.question', 'language.default']));
  });

  it('accepts the sample questionnaire with no problem at all', () => {
    const result = loadQuestionnaire(sample);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('gives every problem code a message in French and in English', async () => {
    const { PROBLEM_CODES } = await import('../../src/core/problems.ts');
    const en = (await import('../../src/i18n/validation/en.json', { with: { type: 'json' } })).default as { validation: { codes: Record<string, string> } };
    const frCodes = (fr as { validation: { codes: Record<string, string> } }).validation.codes;
    for (const code of PROBLEM_CODES) {
      expect(frCodes[code], `fr message for ${code}`).toBeTruthy();
      expect(en.validation.codes[code], `en message for ${code}`).toBeTruthy();
    }
  });

  it('never throws, whatever the file holds', () => {
    for (const text of ['null', '[]', '"x"', '42', '{"questions": "none"}', '{"questions": [null, 3, {"id": 5}]}', '{"profileRules": [{"when": {"all": 3}}]}']) {
      const result = loadQuestionnaire({ ...sample, structure: { ...sample.structure, text } });
      expect(result.ok).toBe(false);
    }
  });
});

/** A small questionnaire of yes / no questions, with every text in French: what a structure might write first. */
function mini(questions: Json[], start: string): QuestionnaireSource {
  const structure = {
    id: 'mini', version: '1', languages: ['fr'], defaultLanguage: 'fr', areas: ['internet'], flags: [], profiles: ['decouverte', 'autonome'],
    levels: { 'en-cours': 40, acquis: 70 }, start, questions,
    profileRules: [{ profile: 'decouverte', when: { score: 'global', atMost: 40 } }, { profile: 'autonome' }],
    recommendations: { steps: [{ id: 'atelier', kind: 'workshop' }], byProfile: { decouverte: ['atelier'] } },
  };
  const texts = {
    title: 'Mini', intro: 'Deux questions.', areas: { internet: { label: 'Internet', description: 'Chercher.' } },
    profiles: { decouverte: { title: 'D', description: 'D', professional: 'D' }, autonome: { title: 'A', description: 'A', professional: 'A' } },
    questions: Object.fromEntries(questions.map((q) => [q.id, { text: String(q.id), options: { oui: 'Oui', non: 'Non' } }])),
    steps: { atelier: { title: 'Atelier', text: 'Un atelier.' } },
  };
  return { folder: 'mini', structure: { file: 'mini/questionnaire.json', text: JSON.stringify(structure) }, locales: [{ file: 'mini/locales/fr.json', language: 'fr', text: JSON.stringify(texts) }], pictograms: [] };
}
const yesNo = (id: string, next?: Json['next']): Json => ({ id, kind: 'yes-no', options: [{ id: 'oui', scores: { internet: 1 } }, { id: 'non', scores: { internet: 0 } }], ...(next ? { next } : {}) });
const autonomie = readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'autonomie-numerique'));
const withStructure = (source: QuestionnaireSource, change: (q: Json) => void): QuestionnaireSource => {
  const structure = JSON.parse(source.structure.text) as Json;
  change(structure);
  return { ...source, structure: { ...source.structure, text: JSON.stringify(structure) } };
};

describe('the validator says the one thing to fix', () => {
  it('names the question a path goes through, not only its place in the list', () => {
    const problem = problemsOf(broken((q) => { question(q, 'sms-banque').next = 'urgense'; })).find((p) => p.code === 'reference.question') as Problem;
    expect(formatProblem(problem, i18n.t)).toContain("questionnaires/exemple/questionnaire.json — $.questions[5] « sms-banque ».next : aucune question ne s'appelle");
    expect(problem.path).toBe('$.questions[5].next');
  });

  it('reports a question id used twice once, suggesting the id the rest of the file still names', () => {
    const source = withStructure(autonomie, (q) => { (questions(q)[5] as Json).id = (questions(q)[4] as Json).id; });
    const problems = problemsOf(source);
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual(['error id.duplicate $.questions[5].id']);
    expect(formatProblem(problems[0] as Problem, i18n.t)).toContain('« connexion » est déjà utilisé plus haut. Donnez-lui un identifiant unique. Vouliez-vous dire « exercice-toucher » ?');
  });

  it('reports a step id used twice once', () => {
    const problems = problemsOf(broken((q) => { (((q.recommendations as Json).steps as Json[])[1] as Json).id = (((q.recommendations as Json).steps as Json[])[0] as Json).id; }));
    expect(problems.filter((p) => p.file.endsWith('questionnaire.json')).map((p) => p.code)).toEqual(['id.duplicate']);
  });

  it('reports a jump back to an earlier question as a loop, at the jump, with the fix', () => {
    // Listed in another order than asked: "q-mdp" comes first, then "q-maj", whose "non" goes back to "q-mdp".
    const source = mini([yesNo('q-maj', [{ if: { answer: 'q-maj', is: 'non' }, goto: 'q-mdp' }, { goto: 'end' }]), yesNo('q-mdp', [{ if: { answer: 'q-mdp', is: 'oui' }, goto: 'q-maj' }, { goto: 'q-maj' }])], 'q-mdp');
    const problems = problemsOf(source);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual(['graph.cycle $.questions[0].next[0].goto']);
    const line = formatProblem(problems[0] as Problem, i18n.t);
    expect(line).toContain('$.questions[0] « q-maj ».next[0].goto');
    expect(line).toContain('« q-maj » renvoie vers « q-mdp »');
    expect(line).toContain('boucle (q-mdp → q-maj → q-mdp)');
    expect(line).toContain('vers une question plus loin ou vers « end »');
  });

  it('reports a loop even when the file has other problems', () => {
    const source = mini([yesNo('q-mdp'), yesNo('q-maj', [{ if: { answer: 'q-maj', is: 'non' }, goto: 'q-mdp' }])], 'q-mdp');
    expect(problemsOf(source).map((p) => p.code)).toEqual(expect.arrayContaining(['graph.cycle', 'next.no-fallback']));
  });

  it('refuses values nested too deep with one named problem, in the structure and in a locale', () => {
    let deep: Json = { answer: 'usage-internet', is: 'jamais' };
    for (let i = 0; i < 3000; i++) deep = { not: deep };
    const structure = problemsOf(broken((q) => { ((question(q, 'usage-internet').next as Json[])[0] as Json).if = deep; }));
    expect(structure.map((p) => `${p.code} ${p.file}`)).toEqual(['json.depth questionnaires/exemple/questionnaire.json']);
    expect(structure[0]?.path).toMatch(/^\$\.questions\[2\]\.next\[0\]\.if(\.not)+$/);
    expect(formatProblem(structure[0] as Problem, i18n.t)).toContain('plus de 64 niveaux');

    const text = `{"title": ${'{"a": '.repeat(50_000)}"x"${'}'.repeat(50_000)}}`;
    const locale = problemsOf({ ...sample, locales: sample.locales.map((l) => (l.language === 'en' ? { ...l, text } : l)) });
    expect(locale.find((p) => p.code === 'json.depth')).toMatchObject({ file: 'questionnaires/exemple/locales/en.json', path: expect.stringMatching(/^\$\.title(\.a)+$/) });
  });

  it('refuses a file too large to be a questionnaire, a locale, settings or places before parsing it, with its size and the maximum', () => {
    const huge = `{"id": "exemple", "pad": "${'é'.repeat(MAX_DATA_BYTES / 2 + 300_000)}"}`;
    const structure = problemsOf({ ...sample, structure: { ...sample.structure, text: huge } });
    expect(structure.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.file} ${p.path}`)).toEqual(['file.too-large questionnaires/exemple/questionnaire.json $']);
    expect(formatProblem(structure[0] as Problem, i18n.t)).toContain('ce fichier pèse 5 Mo ; 4 Mo au plus sont acceptés');
    const locale = problemsOf({ ...sample, locales: sample.locales.map((l) => (l.language === 'en' ? { ...l, text: huge } : l)) });
    expect(locale.map((p) => `${p.code} ${p.file}`)).toEqual(['file.too-large questionnaires/exemple/locales/en.json']);
    const settings = readSettings(huge, { questionnaires: [] }, 'public/settings.json');
    expect(!settings.ok && settings.problems.map((p) => `${p.code} ${p.file}`)).toEqual(['file.too-large public/settings.json']);
    const places = readPlaces(`[${'{"nom": "x"},'.repeat(MAX_DATA_BYTES / 12)}{}]`, 'lieux.json');
    expect(!places.ok && places.problems.map((p) => `${p.code} ${p.file}`)).toEqual(['file.too-large lieux.json']);
  });

  it("checks an info screen's links: https only, on info screens only, each with its words in every language", () => {
    const bienvenue = (q: Json) => question(q, 'bienvenue');
    const http = problemsOf(broken((q) => { bienvenue(q).links = [{ id: 'aide', link: 'http://www.france-services.gouv.fr' }]; }));
    expect(http.map((p) => `${p.code} ${p.path}`)).toEqual(['step.link $.questions[0].links[0].link']);
    const wordless = problemsOf(broken((q) => { bienvenue(q).links = [{ id: 'aide', link: 'https://a.fr' }, { id: 'carte', link: 'https://b.fr' }]; }));
    expect(wordless.map((p) => `${p.code} ${p.file} ${p.path}`).sort()).toEqual(['locale.missing-key questionnaires/exemple/locales/en.json $.questions.bienvenue.links.carte', 'locale.missing-key questionnaires/exemple/locales/fr.json $.questions.bienvenue.links.carte']);
    const twice = problemsOf(broken((q) => { bienvenue(q).links = [{ id: 'aide', link: 'https://a.fr' }, { id: 'aide', link: 'https://b.fr' }]; }));
    expect(twice.map((p) => `${p.code} ${p.path}`)).toEqual(['id.duplicate $.questions[0].links[1].id']);
    const onChoice = problemsOf(broken((q) => { question(q, 'usage-internet').links = [{ id: 'aide', link: 'https://a.fr' }]; }));
    expect(onChoice.map((p) => `${p.code} ${p.path}`)).toEqual(['key.unknown $.questions[2].links']);
  });

  it('refuses a count that is not a whole number, as the schema does', () => {
    const problems = problemsOf(broken((q) => { questions(q).splice(3, 0, { id: 'clic', kind: 'exercise', exercise: { type: 'click-target', settings: { targets: 2.5 } } }); }, exerciseTexts));
    expect(problems.find((p) => p.code === 'type.integer')).toMatchObject({ path: '$.questions[3].exercise.settings.targets' });
  });
});
