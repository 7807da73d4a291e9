// A structure's workshop catalogue (ateliers.json: edited in the professional space, imported and
// exported as a file), declared once: its types, its runtime check and docs/workshops.schema.json
// (npm run schemas) come from here. That its areas are the questionnaire's, and its ids unique, is
// the core's check (workshops.ts).
import * as v from 'valibot';
import { id, list, number, object, oneOfValues, text } from './kit.ts';
import { areaId } from './questionnaire.ts';

export const WORKSHOP_LEVELS = ['debutant', 'intermediaire', 'avance'] as const;
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];
export const DURATION_RANGE = { min: 5, max: 24 * 60 } as const;
export const CAPACITY_RANGE = { min: 1, max: 500 } as const;
/** More workshops than a structure runs in a year: a file beyond it is not a catalogue. */
export const MAX_WORKSHOPS = 500;

/** A free text that may be left out, empty or null (spreadsheets export empty cells as null). */
const optionalText = v.nullish(v.string());

export const workshopFormat = object({
  id: v.nullish(v.pipe(id(), v.description('Lower case, digits and hyphens; made from the title when left out.'))),
  title: text(),
  areas: v.pipe(list(areaId, { min: 1 }), v.description('Areas of the questionnaire the workshop works on.')),
  level: oneOfValues(WORKSHOP_LEVELS, 'reference.level'),
  durationMinutes: number(DURATION_RANGE.min, DURATION_RANGE.max),
  place: v.pipe(optionalText, v.description('Where it happens (room, address).')),
  schedule: v.pipe(optionalText, v.description('When it happens, as the structure writes it ("mardis 14 h – 15 h 30").')),
  capacity: v.pipe(number(CAPACITY_RANGE.min, CAPACITY_RANGE.max), v.description('Learners it takes at most.')),
});

export const catalogueFormat = v.pipe(
  object({ $schema: v.optional(v.string()), workshops: list(workshopFormat, { max: MAX_WORKSHOPS }) }),
  v.title('Repères workshop catalogue'),
  v.description('A structure\'s workshops, matched to a diagnostic\'s result in the professional space (import and export in « Ateliers »).'),
);

export type WorkshopFile = v.InferOutput<typeof workshopFormat>;
/** A workshop as the app keeps it: its id given or made, its texts trimmed, its numbers whole. */
export type Workshop = { [K in keyof WorkshopFile]-?: NonNullable<WorkshopFile[K]> };
