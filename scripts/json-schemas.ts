// npm run schemas: writes the JSON Schemas of the data formats from their one source (src/core/formats/),
// for editors ("$schema" at the top of a file gives completion and checks). A test fails when a
// committed schema is stale: run this script and commit what it writes.
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenericSchema } from 'valibot';
import { RESERVED_KEYS } from '../src/core/formats/kit.ts';
import { questionnaireDefinitions, questionnaireFormat } from '../src/core/formats/questionnaire.ts';
import { settingsFormat } from '../src/core/formats/settings.ts';
import { catalogueFormat, workshopFormat } from '../src/core/formats/workshops.ts';
import { ROOT } from './questionnaire-files.ts';

const config: ConversionConfig = {
  target: 'draft-2020-12',
  // Brands only keep ids of different kinds apart in TypeScript.
  ignoreActions: ['brand'],
  // The formats use no check that JSON Schema cannot express: such checks belong to the core.
  overrideAction({ valibotAction }) {
    if (valibotAction.type === 'check') throw new Error('A format uses a check that JSON Schema cannot express: move it to the core checks.');
    return undefined;
  },
  // A map's keys are never JavaScript's own machinery (the runtime check refuses them too).
  overrideSchema({ valibotSchema, jsonSchema }) {
    if (valibotSchema.type !== 'record') return undefined;
    return { ...jsonSchema, propertyNames: { ...(typeof jsonSchema.propertyNames === 'object' ? jsonSchema.propertyNames : {}), not: { enum: RESERVED_KEYS } } };
  },
};

interface Output {
  file: string;
  schema: GenericSchema;
  definitions?: Record<string, GenericSchema>;
}

/** Each format's schema, where its files are edited: beside them, or in docs/ beside the example. */
export const OUTPUTS: Output[] = [
  { file: 'questionnaires/schema.json', schema: questionnaireFormat, definitions: questionnaireDefinitions() },
  { file: 'public/settings.schema.json', schema: settingsFormat },
  { file: 'docs/workshops.schema.json', schema: catalogueFormat, definitions: { workshop: workshopFormat } },
];

/** Each schema file as it should be committed. */
export function jsonSchemas(): { file: string; text: string }[] {
  return OUTPUTS.map(({ file, schema, definitions }) => {
    const { $schema, title, description, ...rest } = toJsonSchema(schema, { ...config, ...(definitions ? { definitions } : {}) });
    // The dialect, the title and what the file is for come first, for a person opening it.
    return { file, text: `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n` };
  });
}

if (process.argv[1] === import.meta.filename) {
  for (const { file, text } of jsonSchemas()) {
    writeFileSync(join(ROOT, file), text);
    console.log(`${file} written`);
  }
}
