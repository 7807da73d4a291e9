// Reading a stored run: the migration from each version to the next, then the check against the
// format (formats/records.ts). Apart from session-record.ts, so a kiosk that only writes runs does
// not load the checker with its first question.
import * as v from 'valibot';
import { reasonOf, sessionRecordFormat, type SessionRecord } from './formats/records.ts';
import { CURRENT_RECORD_VERSION } from './session-record.ts';

const migrations: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  1: (r) => ({ ...r, version: 2, mode: 'kiosk', language: 'fr' }),
};

export type RecordCheck = { ok: true; record: SessionRecord } | { ok: false; reason: string };

/** Brings a stored record of any known version up to the current one and checks it; a bad record is reported, never thrown. */
export function readRecord(raw: unknown): RecordCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  let record = raw as Record<string, unknown>;
  const start = record.version;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) return { ok: false, reason: 'no version number' };
  if (start > CURRENT_RECORD_VERSION) return { ok: false, reason: `version ${start} is newer than this app (${CURRENT_RECORD_VERSION})` };
  for (let n = start; n < CURRENT_RECORD_VERSION; n++) {
    const migrate = migrations[n];
    if (!migrate) return { ok: false, reason: `no migration from version ${n}` };
    record = migrate(record);
  }
  const checked = v.safeParse(sessionRecordFormat, record);
  return checked.success ? { ok: true, record: checked.output } : { ok: false, reason: reasonOf(checked.issues) };
}
