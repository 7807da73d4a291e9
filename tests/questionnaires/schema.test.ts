// The JSON Schemas are generated from the formats (npm run schemas): these keep the committed files
// fresh and true to what the validator accepts.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../scripts/json-schemas.ts';
import { QUESTIONNAIRES_DIR, questionnaireFolders, ROOT } from '../../scripts/questionnaire-files.ts';

const schema = JSON.parse(readFileSync(join(QUESTIONNAIRES_DIR, 'schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

describe('questionnaires/schema.json', () => {
  it.each(jsonSchemas().map((s) => [s.file, s.text]))('%s is what `npm run schemas` writes from the format (run it and commit the file)', (file, text) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(text);
  });

  it.each(questionnaireFolders().map((f) => [basename(f), f]))('accepts %s', (_name, folder) => {
    const structure = JSON.parse(readFileSync(join(folder, 'questionnaire.json'), 'utf8')) as unknown;
    expect(validate(structure) ? [] : validate.errors).toEqual([]);
  });

  it('rejects what the validator rejects for shape: an unknown key, a code string, a wrong kind', () => {
    const sample = JSON.parse(readFileSync(join(QUESTIONNAIRES_DIR, 'exemple', 'questionnaire.json'), 'utf8')) as Record<string, unknown>;
    const variants = [
      { ...sample, profilRules: [] },
      { ...sample, questions: [{ id: 'a', kind: 'single', options: [{ id: 'x' }, { id: 'y' }], next: [{ if: 'answers.a == "x"', goto: 'end' }] }] },
      { ...sample, questions: [{ id: 'a', kind: 'free-text' }] },
    ];
    for (const variant of variants) expect(validate(variant)).toBe(false);
  });
});
