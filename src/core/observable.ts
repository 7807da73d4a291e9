// A value that changes over time, and who listens to it: storage notices, "a new version is ready".

export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export interface Settable<T> extends Observable<T> {
  /** Changes the value and tells the listeners; setting the same value again tells no one. */
  set(value: T): void;
}

export function observable<T>(initial: T): Settable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
