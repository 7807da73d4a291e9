import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/questionnaire-files.ts';
import type { AreaId, AreaLevel, FlagId, Outcome, ProfileId, StepId } from '../../src/core/index.ts';
import { MODALITIES, placesJson, readPlaces, SERVICES, SPECIFIC_SUPPORT, suggestPlaces, type Place } from '../../src/core/places.ts';
import { loadAutonomie } from './autonomie.ts';

const exampleText = readFileSync(join(ROOT, 'docs', 'places.example.json'), 'utf8');
const read = (value: unknown) => readPlaces(typeof value === 'string' ? value : JSON.stringify(value));
const example = (): Place[] => {
  const r = read(exampleText);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.places;
};
const place = { nom: 'Lieu', adresse: '1 rue', services: ['Aide aux démarches administratives'] };

const AREAS = ['acces', 'prise-en-main', 'internet', 'communication', 'demarches', 'securite'];
function outcome(levels: Partial<Record<string, AreaLevel>>, flags: string[] = [], steps: string[] = []): Outcome {
  return {
    profile: 'premiers-pas' as ProfileId,
    areas: AREAS.map((area) => ({ area: area as AreaId, level: levels[area] ?? 'acquis', score: 50, points: 0, max: 0 })),
    global: 50,
    flags: flags as FlagId[],
    steps: steps as StepId[],
    gaps: [],
  };
}

describe('the vocabulary of the national standard', () => {
  it('has the enumerated values of schema v1.0', () => {
    expect(SERVICES).toHaveLength(9);
    expect(SPECIFIC_SUPPORT).toContain('Illettrisme');
    expect(SPECIFIC_SUPPORT).toContain('Langues étrangères (autres)');
    expect(MODALITIES).toEqual(['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance']);
  });
});

describe('the places file', () => {
  it('reads the shipped example, "|"-separated values included, and writes it back unchanged', () => {
    const places = example();
    expect(places.map((p) => p.id)).toEqual(['epn-les-tilleuls', 'france-services-centre', 'association-passerelles', 'ressourcerie-numerique']);
    expect(places[1]?.services).toEqual(['Aide aux démarches administratives', 'Accès internet et matériel informatique']);
    expect(places[1]?.modalites_accompagnement).toEqual(['Accompagnement individuel', 'À distance']);
    const again = read(placesJson(places));
    expect(again.ok && again.places).toEqual(places);
  });

  it('reports every problem at once, with the closest term of the standard', () => {
    const r = read([
      { ...place, services: ['Aide aux démarches', 'Maîtrise des outils numériques du quotidien'], prise_en_charge_specifique: 'Illetrisme' },
      { nom: 'Sans adresse', services: [] },
      { ...place, modalites_accompagnement: [3], langues: ['arabe'] },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(({ code, path }) => `${code} ${path}`)).toEqual([
      'value.unknown $[0].services[0]',
      'value.unknown $[0].prise_en_charge_specifique',
      'key.required $[1]',
      'array.empty $[1].services',
      'type.string $[2].modalites_accompagnement[0]',
      'language.format $[2].langues[0]',
    ]);
    expect(r.problems[1]?.params).toMatchObject({ value: 'Illetrisme', field: 'prise_en_charge_specifique', suggestion: 'Illettrisme' });
    expect(r.problems[2]?.params).toEqual({ key: 'adresse' });
  });

  it('accepts the long labels and the other fields of the standard, and warns of unknown keys', () => {
    const r = read({
      lieux: [
        {
          ...place,
          pivot: '43493312300029',
          latitude: 48.86,
          code_postal: 93100,
          modalites_accompagnement: "Dans un atelier collectif : j'apprends collectivement à utiliser le numérique;À distance (par téléphone ou en visioconférence)",
          couleur: 'bleu',
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.places[0]).toMatchObject({ id: 'lieu', code_postal: '93100', modalites_accompagnement: ['Dans un atelier collectif', 'À distance'] });
    expect(r.places[0]).not.toHaveProperty('pivot');
    expect(r.warnings.map(({ code, path, severity }) => `${severity} ${code} ${path}`)).toEqual(['warning key.unknown $.lieux[0].couleur']);
  });

  it('refuses what is not a list, and a duplicate id', () => {
    expect(read({ nom: 'x' })).toMatchObject({ ok: false, problems: [{ code: 'type.array', path: '$' }] });
    const r = read([{ ...place, id: 'a' }, { ...place, id: 'a' }]);
    expect(r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['id.duplicate $[1].id']);
    const unnamed = read([place, place]);
    expect(unnamed.ok && unnamed.places.map((p) => p.id)).toEqual(['lieu', 'lieu-2']);
  });
});

describe('suggestPlaces', () => {
  const { questionnaire } = loadAutonomie();
  const names = (s: ReturnType<typeof suggestPlaces>) => s.map((x) => x.place.id);

  it('sends an urgent procedure to help with procedures first', () => {
    const s = suggestPlaces(outcome({}, ['demarche-urgente']), questionnaire, example());
    expect(names(s).slice(0, 2).sort()).toEqual(['association-passerelles', 'france-services-centre']);
    expect(s[0]?.reasons).toContain('Aide aux démarches administratives');
  });

  it('sends reading difficulties to a place supporting "Illettrisme"', () => {
    const s = suggestPlaces(outcome({}, ['lecture-difficile']), questionnaire, example());
    expect(names(s)).toEqual(['epn-les-tilleuls']);
    expect(s[0]?.reasons).toEqual(['Illettrisme']);
  });

  it('sends another language to a place speaking it, then to "Langues étrangères"', () => {
    const arabic = suggestPlaces(outcome({}, ['autre-langue']), questionnaire, example(), { language: 'ar' });
    expect(names(arabic)).toEqual(['association-passerelles']);
    expect(arabic[0]?.reasons).toEqual(['langue:ar']);
    const english = suggestPlaces(outcome({}, ['autre-langue']), questionnaire, example(), { language: 'en' });
    expect(names(english)).toEqual(['association-passerelles', 'france-services-centre']);
  });

  it('sends a need for equipment to equipment and solidarity prices', () => {
    const s = suggestPlaces(outcome({ acces: 'a-travailler' }, ['besoin-equipement'], ['equipement-solidaire']), questionnaire, example());
    expect(names(s)[0]).toBe('ressourcerie-numerique');
    expect(s[0]?.reasons).toEqual(['Acquisition de matériel informatique à prix solidaire', 'Accès internet et matériel informatique']);
    expect(names(s)).toContain('epn-les-tilleuls');
  });

  it('follows the areas to work on and the kind of next steps; leaves out places that fit nothing', () => {
    const s = suggestPlaces(outcome({ securite: 'a-travailler' }, [], ['atelier-securite']), questionnaire, example());
    expect(names(s)[0]).toBe('epn-les-tilleuls');
    expect(suggestPlaces(outcome({}), questionnaire, example())).toEqual([]);
    expect(suggestPlaces(outcome({ internet: 'en-cours' }), questionnaire, example(), { limit: 1 })).toHaveLength(1);
  });
});
