// Keys of the settings store (src/storage, in clear) for data that is not about a person: the
// kiosk tallies of the observatory, the workshop catalogue and the local places. Apart from the
// modules that use them, so the kiosk's first bundle can name a key without loading the module.

export const TALLY_SETTING = 'observatory.tallies';
/** The ISO weeks that have a book of their own, under `observatory.tallies.<week>` (see tally.ts). */
export const TALLY_WEEKS_SETTING = 'observatory.tallies.weeks';
export const CATALOGUE_SETTING = 'workshops';
export const PLACES_SETTING = 'places';
/** A structure's Coop table for one questionnaire, under `coop.mapping.<questionnaire id>` (see coop.ts). */
export const COOP_MAPPING_SETTING = 'coop.mapping';
