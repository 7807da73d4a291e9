// Saves the open section registered (ProSectionProps.registerFlush), awaited before the door locks
// or leaves, so that what was typed just before « Verrouiller » is written while the key is still
// in memory. Bounded: a save that hangs (a full disk that never answers) never keeps the space open.

/** How long the door waits for the registered saves before it locks anyway. */
export const FLUSH_TIMEOUT_MS = 3000;

export interface FlushRegistry {
  register(flush: () => Promise<unknown>): () => void;
  /** Runs every registered save and waits for all of them (a failed one counts as done), at most `timeoutMs` (Infinity: no bound, the caller bounds it). */
  flushAll(timeoutMs?: number): Promise<'done' | 'timeout'>;
}

export function createFlushRegistry(): FlushRegistry {
  const flushes = new Set<() => Promise<unknown>>();
  return {
    register(flush) {
      flushes.add(flush);
      return () => void flushes.delete(flush);
    },
    async flushAll(timeoutMs = FLUSH_TIMEOUT_MS) {
      if (flushes.size === 0) return 'done';
      const all = Promise.allSettled([...flushes].map(async (flush) => flush())).then(() => 'done' as const);
      if (!Number.isFinite(timeoutMs)) return all;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      try {
        return await Promise.race([all, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
