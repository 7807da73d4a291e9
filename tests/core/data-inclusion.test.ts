import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  DI_CODES,
  DI_FRAIS,
  DI_MAX_ROWS,
  DI_MODES_ACCUEIL,
  DI_MODES_MOBILISATION,
  DI_PERSONNES_MOBILISATRICES,
  DI_PUBLICS,
  DI_RESEAUX_PORTEURS,
  DI_THEMATIQUES,
  DI_TYPES,
  readDataInclusion,
  type DiFile,
} from '../../src/core/data-inclusion.ts';
import { placesJson, placesOf, readPlaces } from '../../src/core/places.ts';

// data·inclusion v1 in: the example files of docs/data-inclusion/ (written from the published
// schema, and checked against it here), the same places from JSON and from CSV, and bad input —
// unknown enums, missing fields, 10,000 rows, HTML in a name, a file too large — refused whole with
// the file, the JSON path or CSV line and column, and the fix.

const ROOT = join(import.meta.dirname, '..', '..');
const example = (name: string) => readFileSync(join(ROOT, 'docs', 'data-inclusion', name), 'utf8');
const published = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'data-inclusion', name), 'utf8')) as { $defs: Record<string, { enum: string[] }> };
const file = (name: string, text: string, size = new TextEncoder().encode(text).length): DiFile => ({ name, size, text: async () => text });
const TODAY = '2026-12-01';
const read = (...files: DiFile[]) => readDataInclusion(files, { today: TODAY });

describe('the example files', () => {
  it('are valid against the published JSON Schemas of data·inclusion v1', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    for (const [schema, data] of [
      ['structure.schema.json', 'structures.json'],
      ['service.schema.json', 'services.json'],
    ] as const) {
      const validate = ajv.compile(published(schema));
      for (const item of JSON.parse(example(data)) as unknown[]) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('use the enumerations of the published schema, which are those of the reader', () => {
    const service = published('service.schema.json').$defs;
    expect([...DI_TYPES].sort()).toEqual([...service.TypeService!.enum].sort());
    expect([...DI_THEMATIQUES].sort()).toEqual([...service.Thematique!.enum].sort());
    expect([...DI_PUBLICS].sort()).toEqual([...service.Public!.enum].sort());
    expect([...DI_FRAIS].sort()).toEqual([...service.Frais!.enum].sort());
    expect([...DI_MODES_ACCUEIL].sort()).toEqual([...service.ModeAccueil!.enum].sort());
    expect([...DI_MODES_MOBILISATION].sort()).toEqual([...service.ModeMobilisation!.enum].sort());
    expect([...DI_PERSONNES_MOBILISATRICES].sort()).toEqual([...service.PersonneMobilisatrice!.enum].sort());
    expect([...DI_RESEAUX_PORTEURS].sort()).toEqual([...published('structure.schema.json').$defs.ReseauPorteur!.enum].sort());
  });
});

describe('messages', () => {
  it('every problem code has its sentence, with the fix, in French and English', () => {
    for (const language of ['fr', 'en']) {
      const strings = JSON.parse(readFileSync(join(ROOT, 'src', 'i18n', 'pro', 'places', `${language}.json`), 'utf8')) as { pro: { places: { di: { codes: Record<string, string> } } } };
      expect(Object.keys(strings.pro.places.di.codes).sort(), language).toEqual([...DI_CODES].sort());
    }
  });
});

describe('reading structures and services', () => {
  it('maps each structure with a digital service onto a place of the digital-mediation vocabulary', async () => {
    const result = await read(file('structures.json', example('structures.json')), file('services.json', example('services.json')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.counts).toEqual({ structures: 5, services: 6, skipped: 1 });
    expect(result.warnings).toEqual([]);
    expect(result.places.map((p) => p.nom)).toEqual(['Médiathèque des Tilleuls', 'France services de la Gare', 'Association Clic Solidaire', 'Centre social Jean-Jaurès']);
    const [mediatheque, franceServices, clic, centre] = result.places;
    expect(mediatheque).toEqual({
      id: 'exemple-reperes--mediatheque-tilleuls',
      nom: 'Médiathèque des Tilleuls',
      adresse: '14 rue des Tilleuls',
      code_postal: '93100',
      commune: 'Montreuil',
      telephone: '+33100000011',
      horaires: 'Tu-Sa 10:00-18:00',
      presentation_resume:
        'Espace public numérique de la médiathèque : ordinateurs en libre accès, ateliers d\'initiation en petits groupes le mardi et le jeudi, aide à la prise en main du smartphone.',
      services: ['Maîtrise des outils numériques du quotidien'],
      prise_en_charge_specifique: [],
      modalites_accompagnement: ['Dans un atelier collectif'],
      langues: [],
    });
    expect(franceServices?.services).toEqual(['Aide aux démarches administratives']);
    expect(franceServices?.modalites_accompagnement).toEqual(['Accompagnement individuel', 'À distance']);
    expect(franceServices?.complement_adresse).toBe('Rez-de-chaussée');
    expect(clic?.services).toEqual(['Accès internet et matériel informatique', 'Acquisition de matériel informatique à prix solidaire']);
    // The French workshops bring the reading support; the digital drop-in the service and its way of working.
    expect([centre?.services, centre?.prise_en_charge_specifique, centre?.modalites_accompagnement]).toEqual([
      ['Maîtrise des outils numériques du quotidien'],
      ['Illettrisme'],
      ['Accompagnement individuel', 'Dans un atelier collectif'],
    ]);
    expect(centre?.horaires).toBe('Th 14:00-17:00');
  });

  it('reads the CSV files data.gouv.fr publishes (lists as Python writes them) into the same places', async () => {
    const json = await read(file('structures.json', example('structures.json')), file('services.json', example('services.json')));
    const csv = await read(file('structures.csv', example('structures.csv')), file('services.csv', example('services.csv')));
    expect(csv).toEqual(json);
    // Semicolons and |-separated lists, as a French spreadsheet saves them, read the same.
    const french = [
      'source;structure_id;id;nom;description;date_maj;type;thematiques;modes_accueil',
      'exemple-reperes;exemple-reperes--france-services-gare;s1;Aide aux démarches en ligne;"Un agent vous aide; sur place ou à distance.";2026-10-01;accompagnement;numerique--acceder-a-des-services-en-ligne|difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives;en-presentiel|a-distance',
    ].join('\r\n');
    const semicolons = await read(file('structures.json', example('structures.json')), file('services.csv', french));
    if (!semicolons.ok || !json.ok) throw new Error('refused');
    expect(semicolons.places.find((p) => p.nom === 'France services de la Gare')).toEqual(json.places.find((p) => p.nom === 'France services de la Gare'));
  });

  it('keeps places Repères reads back unchanged: the places file of the digital-mediation standard round-trips', async () => {
    const result = await read(file('structures.json', example('structures.json')), file('services.json', example('services.json')));
    if (!result.ok) throw new Error('refused');
    const back = readPlaces(placesJson(result.places));
    expect(back).toEqual({ ok: true, places: result.places, warnings: [] });
    expect(placesOf(JSON.parse(placesJson(result.places)))).toEqual(result.places);
  });

  it('takes a structures file alone: its networks say what it offers', async () => {
    const result = await read(file('structures.json', example('structures.json')));
    if (!result.ok) throw new Error('refused');
    expect(result.places.map((p) => [p.nom, p.services])).toEqual([
      ['Médiathèque des Tilleuls', ['Maîtrise des outils numériques du quotidien']],
      ['France services de la Gare', ['Aide aux démarches administratives']],
    ]);
    expect(result.counts.skipped).toBe(3);
  });

  it('accepts the API page { items } and one file { structures, services }', async () => {
    const both = JSON.stringify({ structures: JSON.parse(example('structures.json')), services: JSON.parse(example('services.json')) });
    const items = JSON.stringify({ items: JSON.parse(example('structures.json')), total: 5, page: 1, size: 5 });
    expect((await read(file('tout.json', both))).ok && (await read(file('page.json', items))).ok).toBe(true);
  });
});

describe('bad input: refused whole, every problem with its place and its fix', () => {
  const services = () => JSON.parse(example('services.json')) as Record<string, unknown>[];

  it('an unknown enumerated value, with the closest one of the schema', async () => {
    const list = services();
    list[0]!.thematiques = ['numerique--maitriser-les-fondamentaux-du-numeriqe'];
    list[1]!.type = 'permanence';
    const result = await read(file('structures.json', example('structures.json')), file('services.json', JSON.stringify(list)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'enum', severity: 'error', file: 'services.json', at: { path: '$[0].thematiques[0]' }, params: expect.objectContaining({ field: 'thematiques', suggestion: 'numerique--maitriser-les-fondamentaux-du-numerique' }) }),
      expect.objectContaining({ code: 'enum', at: { path: '$[1].type' }, params: expect.objectContaining({ field: 'type', value: 'permanence', known: DI_TYPES.join(', ') }) }),
    ]);
  });

  it('a missing required field, by its line and column in a CSV file', async () => {
    const lines = example('structures.csv').split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[2]!.split(',');
    cells[header.indexOf('nom')] = '';
    lines[2] = cells.join(',');
    const result = await read(file('structures.csv', lines.join('\n')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ code: 'required', file: 'structures.csv', at: { line: 3, column: 'nom' }, params: expect.objectContaining({ field: 'nom' }) })]);
  });

  it('HTML in a name is refused (it would never be shown as HTML); in a description, a warning, and the text kept without tags', async () => {
    const structures = JSON.parse(example('structures.json')) as Record<string, unknown>[];
    structures[0]!.nom = '<img src=x onerror=alert(1)>Médiathèque';
    const refused = await read(file('structures.json', JSON.stringify(structures)));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems).toEqual([expect.objectContaining({ code: 'html', at: { path: '$[0].nom' }, params: expect.objectContaining({ tag: '<img src=x onerror=alert(1)>' }) })]);
    structures[0]!.nom = 'Médiathèque des Tilleuls';
    structures[0]!.description = '<p>Ateliers <b>gratuits</b> le mardi.</p>';
    const warned = await read(file('structures.json', JSON.stringify(structures)));
    if (!warned.ok) throw new Error('refused');
    expect(warned.warnings).toEqual([expect.objectContaining({ code: 'html-description', severity: 'warning', at: { path: '$[0].description' } })]);
    expect(warned.places[0]?.presentation_resume).toBe('Ateliers gratuits le mardi.');
  });

  it('10,000 rows: a limit, with a message that says it and what to do', async () => {
    const one = (JSON.parse(example('structures.json')) as Record<string, unknown>[])[0]!;
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...one, id: `x--${i}` }));
    const result = await read(file('grand.json', JSON.stringify(many)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ code: 'file-rows', params: { count: 10_000, max: DI_MAX_ROWS } })]);
  });

  it('a file over 10 MB is refused before it is read', async () => {
    let opened = false;
    const result = await readDataInclusion([{ name: 'national.csv', size: 80 * 1024 * 1024, text: async () => ((opened = true), '') }]);
    expect(opened).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ code: 'file-size', file: 'national.csv', params: { size: 80, max: 10 } })]);
  });

  it('broken files: JSON that does not parse, an unclosed quote in CSV, a list of something else', async () => {
    const results = await Promise.all([read(file('a.json', '[{"id": "x",]')), read(file('b.csv', 'id,nom\n"x,Médiathèque\n')), read(file('c.json', '{"lieux": []}'))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.problems.map((p) => [p.code, p.at])))).toEqual([
      [['json-parse', { path: '$' }]],
      [['csv-quote', { line: 2, column: '' }]],
      [['file-kind', { path: '$' }]],
    ]);
  });

  it('a service whose structure is not in the import and has no address of its own; duplicate ids; tous-publics with others', async () => {
    const list = services();
    list[0]!.structure_id = 'ailleurs--1';
    list[1]!.publics = ['tous-publics', 'femmes'];
    list[2]!.id = list[3]!.id;
    const result = await read(file('structures.json', example('structures.json')), file('services.json', JSON.stringify(list)));
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.at])).toEqual([
      ['tous-publics', { path: '$[1].publics' }],
      ['duplicate', { path: '$[3].id' }],
      ['structure-missing', { path: '$[0].structure_id' }],
    ]);
  });

  it('warns about fields outside the schema and a postal code that lost its leading zero, and goes on', async () => {
    const structures = JSON.parse(example('structures.json')) as Record<string, unknown>[];
    structures[0]!.typologie = 'EPN';
    structures[0]!.code_postal = 9300;
    const result = await read(file('structures.json', JSON.stringify(structures)));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.warnings.map((w) => [w.code, w.at, w.params])).toEqual([
      ['unknown-field', { path: '$[0].typologie' }, { field: 'typologie', suggestion: '' }],
      ['postal-padded', { path: '$[0].code_postal' }, { value: '9300', fixed: '09300' }],
    ]);
    expect(result.places[0]?.code_postal).toBe('09300');
  });
});
