import type { QuestionnaireId, SessionMode } from '../core/index.ts';
import type { OpenedStorage, SessionStore, StorageCode } from '../storage/index.ts';
import { observable } from '../core/observable.ts';
import { PLACES_SETTING } from '../core/setting-keys.ts';
import type { RunSink } from '../run/run-controller.ts';
import type { TallyState } from './kiosk-tally.ts';
import type { Observable, SessionEvents, SessionFinished } from './session-events.ts';

// SessionEvents over the SessionStore: a kiosk run writes itself whole through its sink on every
// change (src/run/run-controller.ts); a kiosk session is removed when the person finishes or walks
// away. Storage never stops a run: a failure becomes a discreet notice and the run goes on in
// memory. Writes are queued, so they reach the store in the order they happened.

/** What the UI may say about storage: the fallback reason, or the last failed write. */
export type PersistenceNotice =
  | Extract<StorageCode, 'storage.unavailable' | 'storage.blocked' | 'storage.outdated' | 'storage.quota' | 'storage.failed'>
  /** A kiosk run stored here could not be read back (damaged): set aside, and the person told so. */
  | 'storage.unreadable';

export interface SessionPersistence extends SessionEvents {
  readonly notice: Observable<PersistenceNotice | undefined>;
}

export interface SessionPersistenceOptions {
  /** Opens storage; main.tsx passes openStorage from src/storage (called once, lazily). */
  open: () => Promise<OpenedStorage>;
  /** Today's local calendar date, "YYYY-MM-DD", for the ISO week of a kiosk tally. */
  today?: () => string;
  /**
   * Whether storage may hold a run to take up (src/storage/probe.ts, main.tsx passes it): when it
   * surely holds none, the start screen does not wait for storage, which opens with the first write
   * (after the first question is painted), and there is nothing to forget until then.
   */
  mayHoldRecords?: () => Promise<boolean>;
}

const FALLBACKS: readonly string[] = ['storage.unavailable', 'storage.blocked', 'storage.outdated'];

export function createSessionPersistence({ open, today, mayHoldRecords }: SessionPersistenceOptions): SessionPersistence {
  const notice = observable<PersistenceNotice | undefined>(undefined);
  let opened: Promise<SessionStore> | undefined;
  let probed: Promise<boolean> | undefined;
  /** Nothing was stored when the page started, and nothing has been written since: nothing to read or forget. */
  let untouched = false;
  const store = (): Promise<SessionStore> =>
    (opened ??= open().then(({ store: s, fallback }) => {
      if (fallback) notice.set(fallback.code);
      s.subscribe((event) => {
        // Another tab opened a newer Repères: say that, not a generic failure.
        if (event.code === 'storage.outdated') notice.set('storage.outdated');
        // A damaged kiosk run is set aside by the store: the person learns why nothing is taken up again.
        else if (event.code === 'storage.quarantined' && !FALLBACKS.includes(notice.get() ?? '')) notice.set('storage.unreadable');
      });
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

  const forgetMode = (mode: SessionMode) => (untouched && !opened ? Promise.resolve(undefined) : enqueue((s) => s.forgetMode(mode)));

  // Kiosk tallies for the observatory (kiosk-tally.ts, loaded with import() when a result shows):
  // one per finished kiosk run, kept in the settings store under one key, which the kiosk wipe
  // (forgetMode) leaves alone: a tally is not about a person. A run that goes back from its result
  // and ends again takes its earlier tally back; a result resumed after a reload was counted already.
  const tally = (session: SessionFinished, state: TallyState) => enqueue(async (s) => (await import('./kiosk-tally.ts')).countKioskRun(s, session, state, today));

  return {
    notice,
    localPlaces: () => enqueue((s) => s.getSetting(PLACES_SETTING)),
    sink({ resumed }): RunSink {
      // One person at a time on a kiosk: whatever an earlier crash may have left goes first.
      if (!resumed) void forgetMode('kiosk');
      if (notice.get() === 'storage.unreadable') notice.set(undefined);
      const tallyState: TallyState = { resumed: resumed?.status === 'completed' };
      let counted: string | undefined;
      return {
        async save(entry) {
          const { session, outcome } = entry;
          const result = await enqueue((s) => s.save(session));
          if (!result) return { ok: false };
          if (!result.ok) {
            // Only the fallback reason stays shown over a failed write: both say the same to the person.
            if (!FALLBACKS.includes(notice.get() ?? '')) notice.set(result.code === 'storage.quota' || result.code === 'storage.outdated' ? result.code : 'storage.failed');
          } else if (notice.get() === 'storage.quota' || notice.get() === 'storage.failed') notice.set(undefined);
          if (outcome && session.mode === 'kiosk' && counted !== session.id && Array.isArray(outcome.areas)) {
            counted = session.id;
            void tally({ questionnaireId: session.questionnaireId, ...(session.questionnaireVersion ? { questionnaireVersion: session.questionnaireVersion } : {}), answers: session.answers, path: session.path, language: session.language, outcome }, tallyState);
          }
          return { ok: result.ok };
        },
        forget: (id) => enqueue((s) => s.forgetSession(id)),
      };
    },
    forgotten() {
      void forgetMode('kiosk');
    },
    async resume(questionnaireId: QuestionnaireId) {
      if (!opened && mayHoldRecords && !(await (probed ??= mayHoldRecords()))) {
        untouched = !opened;
        if (untouched) return undefined;
      }
      return enqueue(async (s) => {
        const filter = { questionnaireId, mode: 'kiosk' as const };
        const [runs, results] = await Promise.all([s.listRuns(filter), s.listResults(filter)]);
        // A run whose result is there too is one a closing page did not live to take away (the store's putRun): the result stands.
        const done = new Set(results.map((r) => r.id));
        return [...runs.filter((r) => !done.has(r.id)), ...results].filter((r) => r.status !== 'abandoned').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      });
    },
  };
}
