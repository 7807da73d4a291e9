import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { loadQuestionnaire, outcomeOf, type QuestionId } from '../../src/core/index.ts';
import { fitResult, parseResultFragment } from '../../src/ui/result-link-read.ts';
import { sharedResultOf, type SharedPlace, type SharedResult } from '../../src/ui/result-link.ts';
import { resultFragment, resultUrl, sharedPlace } from '../../src/ui/result-share.ts';

const loaded = (() => {
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')), { reachability: false });
  if (!result.ok) throw new Error('exemple does not load');
  return result.loaded;
})();

describe('the result carried by the QR code', () => {
  const { questionnaire } = loaded;
  const path = ['bienvenue', 'equipement', 'usage-internet', 'envie-apprendre', 'urgence'] as QuestionId[];
  const answers = {
    equipement: { type: 'choices', options: ['aucun'] },
    'usage-internet': { type: 'choice', option: 'jamais' },
    'envie-apprendre': { type: 'choice', option: 'oui' },
    urgence: { type: 'choice', option: 'oui' },
  } as never;
  const shared = sharedResultOf(questionnaire, outcomeOf(questionnaire, answers, path), 'en');

  it('holds the profile, the area levels, the steps and the language — no answer', () => {
    const fragment = resultFragment(shared);
    expect(fragment).toBe(
      '#/r?q=exemple&p=decouverte&a=acces:a-travailler,internet:a-travailler,communication:a-travailler,demarches:a-travailler,securite:-&s=france-services,atelier-debutant,atelier-courriel&l=en',
    );
    expect(fragment).not.toMatch(/jamais|aucun|urgence|oui/);
    expect(resultUrl(shared, { origin: 'https://reperes.example', pathname: '/kiosque/' })).toBe(`https://reperes.example/kiosque/${fragment}`);
  });

  it('reads back what it wrote', () => {
    expect(parseResultFragment(resultFragment(shared))).toEqual(shared);
  });

  it('ignores other fragments and keeps only what the questionnaire knows', () => {
    expect(parseResultFragment('')).toBeUndefined();
    expect(parseResultFragment('#/r?q=exemple')).toBeUndefined();
    const forged = parseResultFragment('#/r?q=exemple&p=autonome&a=acces:acquis,pirate:acquis,internet:excellent&s=devenir-relais,ailleurs&l=fr');
    expect(forged && fitResult(forged, questionnaire)).toEqual({
      questionnaireId: 'exemple',
      profile: 'autonome',
      areas: [
        { area: 'acces', level: 'acquis' },
        { area: 'internet', level: null },
        { area: 'communication', level: null },
        { area: 'demarches', level: null },
        { area: 'securite', level: null },
      ],
      steps: ['devenir-relais'],
      language: 'fr',
    });
    const unknown = parseResultFragment('#/r?q=exemple&p=expert&l=fr');
    expect(unknown && fitResult(unknown, questionnaire)).toBeUndefined();
  });
});

describe('the places a result link carries', () => {
  const base = { questionnaireId: 'exemple', profile: 'decouverte', areas: [], steps: [], language: 'ar' } as never as SharedResult;
  const places: SharedPlace[] = [
    { nom: 'France Services | centre', adresse: '3 place de la Mairie', code_postal: '93100', commune: 'Montreuil', telephone: '+33100000002', horaires: 'Mo-Fr 08:30-17:00; Sa 09:00-12:00' },
    { nom: 'EPN', telephone: '01 70 77 23 72' },
  ];

  it('reads back every field, a "|" in a name included, and at most three places', () => {
    expect(parseResultFragment(resultFragment({ ...base, places }))?.places).toEqual(places);
    const many = parseResultFragment(resultFragment({ ...base, places: [...places, ...places] }));
    expect(many?.places).toHaveLength(3);
  });

  it('opens links made before places were carried, and skips a place without a name', () => {
    expect(parseResultFragment('#/r?q=exemple&p=decouverte&a=&s=&l=fr')).toEqual({ ...base, language: 'fr' });
    expect(parseResultFragment('#/r?q=exemple&p=decouverte&a=&s=&l=fr&pl=|3%20rue&pl=%E0%A4')?.places).toBeUndefined();
  });

  it('keeps a place complement with its address', () => {
    expect(sharedPlace({ nom: 'EPN', adresse: '12 rue des Tilleuls', complement_adresse: 'bâtiment B', commune: 'Montreuil' })).toEqual({ nom: 'EPN', adresse: '12 rue des Tilleuls, bâtiment B', commune: 'Montreuil' });
  });
});
