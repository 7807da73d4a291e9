import { createRecord, newSessionId, type QuestionnaireId, type SessionMode, type SessionRecord } from '../core/index.ts';
import type { OpenedStorage, SessionStore, StorageCode } from '../storage/index.ts';
import { observable } from '../core/observable.ts';
import { PLACES_SETTING } from '../core/setting-keys.ts';
import type { TallyState } from './kiosk-tally.ts';
import type { Observable, SessionEvents, SessionFinished, SessionProgress, SessionStarted } from './session-events.ts';

// SessionEvents over the SessionStore: the run in progress is written whole on every answer and
// every move, the result when the path ends; a kiosk session is removed when the person finishes or
// walks away. Storage never stops a run: a failure becomes a discreet notice and the run goes on in
// memory. Writes are queued, so they reach the store in the order they happened.

/** What the UI may say about storage: the fallback reason, or the last failed write. */
export type PersistenceNotice = Extract<StorageCode, 'storage.unavailable' | 'storage.blocked' | 'storage.outdated' | 'storage.quota' | 'storage.failed'>;

export interface SessionPersistence extends SessionEvents {
  readonly notice: Observable<PersistenceNotice | undefined>;
}

export interface SessionPersistenceOptions {
  /** Opens storage; main.tsx passes openStorage from src/storage (called once, lazily). */
  open: () => Promise<OpenedStorage>;
  now?: () => string;
  /** Today's local calendar date, "YYYY-MM-DD", for the ISO week of a kiosk tally. */
  today?: () => string;
  newId?: () => SessionRecord['id'];
}

const FALLBACKS: readonly string[] = ['storage.unavailable', 'storage.blocked', 'storage.outdated'];

export function createSessionPersistence({ open, now = () => new Date().toISOString(), today, newId = () => newSessionId() }: SessionPersistenceOptions): SessionPersistence {
  const notice = observable<PersistenceNotice | undefined>(undefined);
  let opened: Promise<SessionStore> | undefined;
  const store = (): Promise<SessionStore> =>
    (opened ??= open().then(({ store: s, fallback }) => {
      if (fallback) notice.set(fallback.code);
      return s;
    }));
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs a storage step after the ones before it; never rejects. */
  const enqueue = <T>(step: (s: SessionStore) => Promise<T>): Promise<T | undefined> => {
    const next = queue.then(async () => step(await store())).catch((error: unknown) => {
      console.error(error);
      notice.set('storage.failed');
      return undefined;
    });
    queue = next;
    return next;
  };

  let pending: SessionStarted | undefined;
  let current: SessionRecord | undefined;

  const write = (record: SessionRecord) =>
    enqueue(async (s) => {
      const result = await s.save(record);
      if (!result.ok) {
        // Only the fallback reason stays shown over a failed write: both say the same to the person.
        if (!FALLBACKS.includes(notice.get() ?? '')) notice.set(result.code === 'storage.quota' ? 'storage.quota' : 'storage.failed');
      } else if (notice.get() === 'storage.quota' || notice.get() === 'storage.failed') notice.set(undefined);
    });

  const forgetMode = (mode: SessionMode) => enqueue((s) => s.forgetMode(mode));

  // Kiosk tallies for the observatory (kiosk-tally.ts, loaded with import() when a result shows):
  // one per finished kiosk run, kept in the settings store under one key, which the kiosk wipe
  // (forgetMode) leaves alone: a tally is not about a person. A run that goes back from its result
  // and ends again takes its earlier tally back; a result resumed after a reload was counted already.
  let tallyState: TallyState = { resumed: false };
  const tally = (session: SessionFinished) => {
    const state = tallyState; // this run's, even if the next person starts before the write
    return enqueue(async (s) => (await import('./kiosk-tally.ts')).countKioskRun(s, session, state, today));
  };

  const progress = (session: SessionProgress, completed: boolean) => {
    const time = now();
    if (!current && pending && pending.questionnaireId === session.questionnaireId) {
      const start = session.path[0];
      if (start === undefined) return;
      current = createRecord({ id: newId(), questionnaireId: pending.questionnaireId, contentHash: pending.contentHash, mode: pending.mode, language: pending.language, now: time, start });
    }
    if (!current) return;
    let record = current;
    if (record.status === 'completed' && !completed) {
      // Back from the result: a completed record is never reopened, the run goes on under a new id.
      const old = record.id;
      void enqueue((s) => s.forgetSession(old));
      record = { ...record, id: newId() };
      delete record.completedAt;
    }
    current = {
      ...record,
      answers: session.answers,
      path: session.path,
      language: session.language,
      updatedAt: time,
      status: completed ? 'completed' : 'in-progress',
      ...(completed ? { completedAt: record.completedAt ?? time } : {}),
    };
    void write(current);
  };

  return {
    notice,
    localPlaces: () => enqueue((s) => s.getSetting(PLACES_SETTING)),
    started(session) {
      pending = session;
      current = undefined;
      tallyState = { resumed: false };
      // One person at a time on a kiosk: whatever an earlier crash may have left goes first.
      if (session.mode === 'kiosk') void forgetMode('kiosk');
    },
    changed: (session) => progress(session, false),
    finished(session) {
      const mode = current?.mode ?? pending?.mode;
      progress(session, true);
      if (mode === 'kiosk' && Array.isArray(session.outcome.areas)) void tally(session);
    },
    forgotten() {
      tallyState = { resumed: false };
      const mode = current?.mode ?? pending?.mode ?? 'kiosk';
      const id = current?.id;
      current = undefined;
      pending = undefined;
      if (id) void enqueue((s) => s.forgetSession(id));
      if (mode === 'kiosk') void forgetMode('kiosk');
    },
    async resume(questionnaireId: QuestionnaireId, maxAgeSeconds?: number) {
      const found = await enqueue(async (s) => {
        const filter = { questionnaireId, mode: 'kiosk' as const };
        const [runs, results] = await Promise.all([s.listRuns(filter), s.listResults(filter)]);
        return [...runs, ...results].filter((r) => r.status !== 'abandoned').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      });
      if (!found) return undefined;
      const age = (Date.parse(now()) - Date.parse(found.updatedAt)) / 1000;
      if (maxAgeSeconds !== undefined && !(age <= maxAgeSeconds)) {
        // Left longer than the idle reset allows: the kiosk would have wiped it had the page stayed open.
        void forgetMode('kiosk');
        return undefined;
      }
      pending = undefined;
      current = found;
      tallyState = { resumed: found.status === 'completed' };
      return found;
    },
  };
}
