import type { ComponentType } from 'preact';
import type { SessionMode, Settings } from '../../core/index.ts';
import type { ProSectionProps } from './section-props.ts';
import * as diagnostic from './diagnostic-section.tsx';
import * as records from './records-section.tsx';
import * as workshops from './workshops-section.tsx';
import * as group from './group-section.tsx';
import * as places from './places-section.tsx';
import * as observatory from './observatory-section.tsx';
import * as backup from './backup-section.tsx';
import * as handoff from './handoff-section.tsx';
import * as sync from './sync-section.tsx';
import * as voices from './voices-section.tsx';
import * as coop from './coop-section.tsx';

// The professional space's sections: the shell (pro-space.tsx) shows a nav of the sections whose
// modes are enabled in settings.json, and one section at a time. A feature adds its section here,
// after the ones before it, and takes ProSectionProps (section-props.ts); its strings go in
// src/i18n/pro/<part>/{fr,en}.json (see src/i18n/pro.ts).
//
// The whole space is one chunk, loaded with import() from the kiosk when #/pro opens: sections are
// imported statically here and `load` hands the module over. A second level of import() (a section
// loaded from the space's chunk) made the bundler split xstate and the core out of the kiosk's
// first-question bundle (measured +1.9 KB gzip there): keep `load: async () => module`.

export interface ProSection {
  id: string;
  /** The nav label's key (pro.<part>.…). */
  labelKey: string;
  /** Shown when one of these modes is enabled in settings.json; always shown when left out. */
  modes?: SessionMode[];
  /** Shown only when settings.json has what it needs (e.g. a sync server). */
  needs?: (settings: Settings) => boolean;
  load: () => Promise<{ default: ComponentType<ProSectionProps> }>;
}

export const PRO_SECTIONS: ProSection[] = [
  // A new diagnostic: params { mode?: 'interview' | 'workshop', code?: 'K7F-2QX' }; an EPN animator
  // placing a learner opens it with { mode: 'workshop' }. It opens the record when done.
  { id: 'diagnostic', labelKey: 'pro.space.sections.diagnostic', modes: ['interview', 'workshop'], load: async () => diagnostic },
  // Records: find by code, open (params { record: id }: the person's view, the professional view,
  // the referral sheet, the history of the same code), resume, delete.
  { id: 'records', labelKey: 'pro.space.sections.records', load: async () => records },
  // A kiosk result handed off by its QR code (camera), its link or its short code, filed as a
  // record under a new or an existing code (params { link }: a link opened on this device).
  { id: 'receive', labelKey: 'pro.handoff.nav', modes: ['interview', 'workshop'], load: async () => handoff },
  // The workshop catalogue (clear-text settings store), and the group: workshop-mode learners by
  // code, placed within capacity (the roster, in the vault), exported as CSV.
  { id: 'workshops', labelKey: 'pro.workshops.nav', modes: ['workshop'], load: async () => workshops },
  { id: 'group', labelKey: 'pro.workshops.group.nav', modes: ['workshop'], load: async () => group },
  // Local places in the national standard's vocabulary (clear-text: the kiosk result names them).
  { id: 'places', labelKey: 'pro.places.nav', load: async () => places },
  // Anonymous counts over a period: kiosk tallies and professional records' outcomes.
  { id: 'observatory', labelKey: 'pro.observatory.nav', load: async () => observatory },
  // The whole vault, the catalogue and the places in one file sealed with the passphrase; restore.
  { id: 'backup', labelKey: 'pro.backup.nav', load: async () => backup },
  // Team sync with the CouchDB database settings.json names (syncUrl); PouchDB comes with import().
  { id: 'sync', labelKey: 'pro.sync.nav', needs: (settings) => !!settings.syncUrl, load: async () => sync },
  // A structure's own voice for a text of the questionnaire, recorded and exported to ship with it.
  { id: 'voices', labelKey: 'pro.voices.nav', load: async () => voices },
  // The finished diagnostics as activities of La Coop de la médiation numérique's report (CSV), and
  // the profile → autonomy table a structure changes (clear-text settings store).
  { id: 'coop', labelKey: 'pro.coop.nav', modes: ['interview', 'workshop'], load: async () => coop },
];

/** The sections a device shows, given its enabled modes. */
export function sectionsFor(modes: readonly SessionMode[], sections: readonly ProSection[] = PRO_SECTIONS, settings?: Settings): ProSection[] {
  return sections.filter((s) => (!s.modes || s.modes.some((m) => modes.includes(m))) && (!s.needs || (settings !== undefined && s.needs(settings))));
}

/** Whether the device offers the professional space at all. */
export function proEnabled(modes: readonly SessionMode[]): boolean {
  return modes.some((m) => m !== 'kiosk');
}
