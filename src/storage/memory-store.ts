// The in-memory twin of the IndexedDB store: same contract, same rules (records.ts), values copied
// in and out as IndexedDB's structured clone does, and every write applied whole or not at all.
import type { SessionId, SessionMode, SessionRecord } from '../core/index.ts';
import { claimedMode, describeError, isoNow, judge, matches, newestFirst, Notices, OK, readyToJudge, saveRecord, storeFor } from './records.ts';
import type { NoticeListener, QuarantineEntry, RecordFilter, RecordStoreName, SessionStore, SettingValue, WriteResult } from './session-store.ts';

interface MemoryState {
  runs: Map<string, unknown>;
  results: Map<string, unknown>;
  settings: Map<string, SettingValue>;
  quarantine: QuarantineEntry[];
  nextQuarantineId: number;
}

export interface MemoryStoreOptions {
  /** Raw values to start from, as if read from a database (they are judged when read, like stored ones). */
  seed?: { runs?: unknown[]; results?: unknown[]; settings?: Record<string, SettingValue> };
  now?: () => string;
  /** Bytes the store may hold (measured as JSON), asked on every write that does not shrink it (deleting always works); lets tests exhaust the quota. */
  quota?: () => number;
}

function keyOf(raw: unknown, fallback: number): string {
  if (raw && typeof raw === 'object' && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number')) return String(raw.id);
  return `#${fallback}`;
}

function sizeOf(state: MemoryState): number {
  try {
    const plain = [[...state.runs], [...state.results], [...state.settings], state.quarantine];
    return JSON.stringify(plain).length;
  } catch {
    return 0;
  }
}

class MemoryStore implements SessionStore {
  readonly backend = 'memory' as const;
  private state: MemoryState;
  private closed = false;
  private readonly notices = new Notices();
  private readonly now: () => string;
  private readonly quota: (() => number) | undefined;

  constructor(options: MemoryStoreOptions) {
    this.now = options.now ?? isoNow;
    this.quota = options.quota;
    const seed = options.seed ?? {};
    this.state = {
      runs: new Map((seed.runs ?? []).map((raw, i) => [keyOf(raw, i), structuredClone(raw)])),
      results: new Map((seed.results ?? []).map((raw, i) => [keyOf(raw, i), structuredClone(raw)])),
      settings: new Map(Object.entries(structuredClone(seed.settings ?? {}))),
      quarantine: [],
      nextQuarantineId: 1,
    };
  }

  /** Applies a change to a copy, checks the quota, then swaps it in: all or nothing, like a transaction. */
  private commit(change: (draft: MemoryState) => WriteResult | void): WriteResult {
    if (this.closed) return this.notices.fail('storage.closed');
    try {
      const draft = structuredClone(this.state);
      const refused = change(draft);
      if (refused && !refused.ok) return this.notices.fail(refused.code, refused.detail);
      if (this.quota && sizeOf(draft) > this.quota() && sizeOf(draft) >= sizeOf(this.state)) return this.notices.fail('storage.quota', 'QuotaExceededError: memory quota');
      this.state = draft;
      return OK;
    } catch (error) {
      return this.notices.fail('storage.failed', describeError(error));
    }
  }

  /** Reads one store, setting aside what fails readRecord() and skipping what a newer app wrote. */
  private async readAll(source: RecordStoreName): Promise<SessionRecord[]> {
    if (this.closed) {
      this.notices.emit({ code: 'storage.closed' });
      return [];
    }
    if (this.state[source].size && !(await readyToJudge(this.notices))) return [];
    return [...this.state[source]].flatMap(([key, raw]) => this.readEntry(source, key, raw) ?? []);
  }

  private readEntry(source: RecordStoreName, key: string, raw: unknown): SessionRecord | undefined {
    const judged = judge(structuredClone(raw));
    if (judged.kind === 'ok') return judged.record;
    if (judged.kind === 'too-new') this.notices.emit({ code: 'storage.too-new', source, key });
    else this.quarantine(source, key, judged.reason);
    return undefined;
  }

  private quarantine(source: RecordStoreName, key: string, reason: string, announce = true): void {
    this.commit((draft) => {
      const raw = draft[source].get(key);
      if (raw === undefined || judge(raw).kind !== 'bad') return;
      const mode = claimedMode(raw);
      const entry: QuarantineEntry = { id: draft.nextQuarantineId++, source, key, reason, quarantinedAt: this.now(), raw };
      draft.quarantine.push(mode === undefined ? entry : { ...entry, mode });
      draft[source].delete(key);
    });
    if (announce) this.notices.emit({ code: 'storage.quarantined', source, key, reason });
  }

  async save(record: SessionRecord): Promise<WriteResult> {
    return saveRecord(record, {
      notices: this.notices,
      put: async (record) => {
        const value = structuredClone(record);
        return this.commit((draft) => {
          if (storeFor(value) === 'results') {
            draft.results.set(value.id, value);
            draft.runs.delete(value.id);
            return;
          }
          if (draft.results.has(value.id)) return { ok: false, code: 'storage.already-completed' };
          draft.runs.set(value.id, value);
        });
      },
      setAside: async (source, key, reason) => this.quarantine(source, key, reason, false),
    });
  }

  async load(id: SessionId): Promise<SessionRecord | undefined> {
    if (this.closed) {
      this.notices.emit({ code: 'storage.closed' });
      return undefined;
    }
    const found = (['runs', 'results'] as const).filter((source) => this.state[source].has(id));
    if (found.length && !(await readyToJudge(this.notices))) return undefined;
    for (const source of found) {
      const raw = this.state[source].get(id);
      const record = this.readEntry(source, id, raw);
      if (record) return record;
    }
    return undefined;
  }

  async listRuns(filter?: RecordFilter): Promise<SessionRecord[]> {
    return (await this.readAll('runs')).filter((r) => matches(r, filter)).sort(newestFirst);
  }

  async listResults(filter?: RecordFilter): Promise<SessionRecord[]> {
    return (await this.readAll('results')).filter((r) => matches(r, filter)).sort(newestFirst);
  }

  async getSetting(key: string): Promise<SettingValue | undefined> {
    if (this.closed) return undefined;
    const value = this.state.settings.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async setSetting(key: string, value: SettingValue): Promise<WriteResult> {
    const copy = structuredClone(value);
    return this.commit((draft) => void draft.settings.set(key, copy));
  }

  async removeSetting(key: string): Promise<WriteResult> {
    return this.commit((draft) => void draft.settings.delete(key));
  }

  async listQuarantine(): Promise<QuarantineEntry[]> {
    return this.closed ? [] : structuredClone(this.state.quarantine);
  }

  async forgetSession(id: SessionId): Promise<WriteResult> {
    return this.commit((draft) => {
      draft.runs.delete(id);
      draft.results.delete(id);
      draft.quarantine = draft.quarantine.filter((q) => q.key !== id);
    });
  }

  async forgetMode(mode: SessionMode): Promise<WriteResult> {
    return this.commit((draft) => {
      for (const source of ['runs', 'results'] as const) {
        // The mode a value claims is the mode readRecord() gives it (version 1 migrates to kiosk): no checker needed.
        for (const [key, raw] of [...draft[source]]) if (claimedMode(raw) === mode) draft[source].delete(key);
      }
      draft.quarantine = draft.quarantine.filter((q) => q.mode !== mode);
    });
  }

  async wipeAll(): Promise<WriteResult> {
    return this.commit((draft) => {
      draft.runs.clear();
      draft.results.clear();
      draft.settings.clear();
      draft.quarantine = [];
    });
  }

  subscribe(listener: NoticeListener): () => void {
    return this.notices.subscribe(listener);
  }

  close(): void {
    this.closed = true;
  }
}

/** The twin used by tests and as the fallback when IndexedDB cannot be used: nothing survives a reload. */
export function createMemoryStore(options: MemoryStoreOptions = {}): SessionStore {
  return new MemoryStore(options);
}
