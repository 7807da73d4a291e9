import { describe, expect, it } from 'vitest';
import { DSI_AREAS, dsiOf, dsiOfRun, dsiOverall, type DsiArea, type DsiAreaLevel } from '../../src/core/dsi.ts';
import { expectedPath, loadQuestionnaire, outcomeOf, type Answers, type ExerciseResult, type QuestionId, type QuestionnaireSource } from '../../src/core/index.ts';
import { loadAutonomie } from './autonomie.ts';

// A level in the spirit of Eurostat's DSI 2.0: the overall level from the five areas, the areas
// from the activities a questionnaire declares, and the shipped questionnaire's declaration read on
// people whose answers say what they do.

const levels = (...l: DsiAreaLevel[]) => Object.fromEntries(DSI_AREAS.map((a, i) => [a, l[i] ?? 'none'])) as Record<DsiArea, DsiAreaLevel>;

describe('the overall level', () => {
  it('counts the areas with at least basic skills: none, limited (1–2), narrow (3), low (4), basic (5); above basic when all five are', () => {
    expect(dsiOverall(levels())).toBe('none');
    expect(dsiOverall(levels('basic'))).toBe('limited');
    expect(dsiOverall(levels('above-basic', 'basic'))).toBe('limited');
    expect(dsiOverall(levels('basic', 'basic', 'above-basic'))).toBe('narrow');
    expect(dsiOverall(levels('basic', 'basic', 'basic', 'basic'))).toBe('low');
    expect(dsiOverall(levels('basic', 'above-basic', 'above-basic', 'above-basic', 'above-basic'))).toBe('basic');
    expect(dsiOverall(levels('above-basic', 'above-basic', 'above-basic', 'above-basic', 'above-basic'))).toBe('above-basic');
  });

  it('takes an area to basic with one activity and above basic with two (or the declared number); not assessed when the declaration says so', () => {
    const declaration = {
      assessedWhen: 'internet',
      activities: [
        { id: 'a', area: 'information' as const, when: 'a' },
        { id: 'b', area: 'information' as const, when: 'b' },
        { id: 'c', area: 'safety' as const, when: 'c' },
      ],
    };
    const done = (...yes: string[]) => (c: string) => yes.includes(c);
    expect(dsiOf(declaration, done('internet', 'a', 'b', 'c'))).toEqual({ overall: 'limited', areas: levels('above-basic', 'none', 'none', 'basic'), activities: ['a', 'b', 'c'] });
    expect(dsiOf({ ...declaration, aboveBasic: 3 }, done('internet', 'a', 'b')).areas.information).toBe('basic');
    expect(dsiOf(declaration, done('a', 'b')).overall).toBe('not-assessed');
  });
});

describe("the shipped questionnaire's declaration", () => {
  const loaded = loadAutonomie();
  const q = loaded.questionnaire;
  const ex = (outcome: ExerciseResult['outcome']): ExerciseResult => ({ outcome, score: outcome === 'success' ? 1 : 0, attempts: 1, misses: 0, durationMs: 9000 });
  const run = (answers: Record<string, string | string[] | ExerciseResult>) => {
    const typed = Object.fromEntries(
      Object.entries(answers).map(([id, a]) => [id, typeof a === 'string' ? { type: 'choice', option: a } : Array.isArray(a) ? { type: 'choices', options: a } : { type: 'exercise', result: a }]),
    ) as Answers;
    const path = expectedPath(q, typed, [q.start]);
    return { ...outcomeOf(q, typed, path), dsi: dsiOfRun(q, typed, path) };
  };
  const S = 'ne-sais-pas-faire';

  it('does not assess a person who does not use the internet (as Eurostat)', () => {
    const marcel = run({ equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' });
    expect(marcel.dsi).toEqual({ overall: 'not-assessed', areas: levels(), activities: [] });
  });

  it('gives four areas « above basic » to a person who could show others, with every exercise passed; safety counts what was asked', () => {
    const lea = run({
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'exercice-site-officiel': ex('success'), 'adresse-courriel': 'oui-pieces-jointes', 'appel-video': 'montrer',
      'gestes-demarches': ['compte', 'franceconnect', 'justificatif', 'attestation'], 'imprimer-scanner': 'chez-moi',
      'sms-suspect': 'supprimer', 'exercice-arnaque': ex('success'), 'mots-de-passe': 'differents',
      'installer-application': 'montrer', 'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    });
    expect(lea.profile).toBe('autonome');
    // Her security level is settled by the scam exercise: the password question is passed over, and
    // the DSI counts only what was said (navigation.ts, conditionsOf).
    expect(lea.dsi?.areas).toEqual({ information: 'above-basic', communication: 'above-basic', 'content-creation': 'above-basic', safety: 'basic', 'problem-solving': 'above-basic' });
    expect(lea.dsi?.overall).toBe('basic');
  });

  it('reads a smartphone user going online alone, without procedures or e-mail, as limited or narrow, not basic', () => {
    const kevin = run({
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'exercice-site-officiel': ex('partial'),
      'adresse-courriel': 'non', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
      'sms-suspect': 'cliquer', 'exercice-arnaque': ex('failure'), 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    });
    expect(kevin.profile).toBe('premiers-pas');
    expect(kevin.dsi?.areas).toMatchObject({ information: 'basic', communication: 'basic', 'content-creation': 'none', safety: 'none', 'problem-solving': 'basic' });
    expect(['limited', 'narrow']).toContain(kevin.dsi?.overall);
  });
});

describe('the dsi and coop blocks of the questionnaire format', () => {
  const source = (extra: object): QuestionnaireSource => {
    const base = JSON.parse(JSON.stringify(loadAutonomie().questionnaire)) as Record<string, unknown>;
    const texts = loadAutonomie().locales.fr;
    return {
      folder: 'autonomie-numerique',
      structure: { file: 'autonomie-numerique/questionnaire.json', text: JSON.stringify({ ...base, ...extra }) },
      locales: [{ file: 'autonomie-numerique/locales/fr.json', language: 'fr', text: JSON.stringify(texts) }],
      pictograms: Object.keys(loadAutonomie().pictograms),
    };
  };
  const problems = (extra: object) => {
    const r = loadQuestionnaire(source(extra), { languages: ['fr'], reachability: false });
    return r.ok ? [] : r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.path]);
  };

  it('names a wrong area, an unknown question or option, and a duplicate activity, at their path', () => {
    expect(
      problems({
        dsi: {
          activities: [
            { id: 'a', area: 'creativity', when: { answer: 'usage-internet', is: 'seul' } },
            { id: 'b', area: 'safety', when: { answer: 'mots-de-pass', is: 'differents' } },
            { id: 'b', area: 'safety', when: { answer: 'mots-de-passe', is: 'differentes' } },
          ],
        },
      }),
    ).toEqual([
      ['value.unknown', '$.dsi.activities[0].area'],
      ['reference.question', '$.dsi.activities[1].when.answer'],
      ['id.duplicate', '$.dsi.activities[2].id'],
      ['reference.option', '$.dsi.activities[2].when.is'],
    ]);
  });

  it("names an unknown profile, flag or autonomy level of the Coop's table", () => {
    expect(
      problems({
        coop: { autonomie: { debutant: 'autonome', autonome: 'tres_autonome' }, redirection: [{ flag: 'urgence', structure: 'mediation_numerique' }, { step: 'france-services', flag: 'x', structure: 'autre' }] },
      }),
    ).toEqual([
      // In the order a person reads the file (the validator's inFileOrder).
      ['reference.profile', '$.coop.autonomie.debutant'],
      ['value.unknown', '$.coop.autonomie.autonome'],
      ['reference.flag', '$.coop.redirection[0].flag'],
      ['condition.shape', '$.coop.redirection[1]'],
    ]);
  });
});
