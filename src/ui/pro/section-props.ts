import type { LoadedQuestionnaire, Settings } from '../../core/index.ts';
import type { Vault } from '../../storage/vault.ts';

// What every section of the professional space is given (the registry, sections.ts, imports the
// sections; the sections import this module, never the registry: no import cycle).

/** Parameters a section is opened with (e.g. { record: id }, { mode: 'workshop', code: 'K7F-2QX' }). */
export type ProParams = Readonly<Record<string, string>>;

export interface ProSectionProps {
  /** The open vault: every professional record is read and written through it, encrypted. */
  vault: Vault;
  /** The questionnaire of the device (settings.json's defaultQuestionnaire), in the current language. */
  questionnaire: LoadedQuestionnaire;
  settings: Settings;
  language: string;
  params: ProParams;
  /** Shows another section (or the same one with other parameters); focus moves to its heading. */
  navigate: (section: string, params?: ProParams) => void;
  /**
   * Registers a save the door must wait for before it locks (by hand or when idle) or leaves: a note
   * typed just before « Verrouiller » is then written before the key is forgotten. The door waits
   * for every registered function (about 3 s at most, then locks anyway). Returns the unregistration;
   * call it when the section unmounts.
   */
  registerFlush: (flush: () => Promise<unknown>) => () => void;
  /** When the vault was last exported to a backup file (ms since 1970, in clear on the device), and noting a new one. */
  backups?: { last(): Promise<number | undefined>; noted(at: number): Promise<unknown> };
}

/** The collection professional diagnostics are stored in (values: ProRecord, ids: the session's random id). */
export const RECORDS = 'records';
