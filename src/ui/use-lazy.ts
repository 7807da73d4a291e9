import { useEffect, useState } from 'preact/hooks';

const cache = new Map<() => Promise<unknown>, unknown>();

/** A module loaded with import() on first use, so the first question's JavaScript stays small. */
export function useLazy<T>(load: () => Promise<T>): T | undefined {
  const [module, setModule] = useState<T | undefined>(() => cache.get(load) as T | undefined);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (module) return;
    let alive = true;
    load().then(
      (m) => {
        cache.set(load, m);
        if (alive) setModule(m);
      },
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [load, module]);
  // A chunk that fails to load is an error like any other: the error boundary shows it.
  if (error) throw error;
  return module;
}
