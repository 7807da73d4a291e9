import { useLayoutEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** The actor's current snapshot, re-rendering on every change (there is no @xstate/preact). */
export function useActorSnapshot<A extends AnyActorRef>(actor: A): SnapshotFrom<A> {
  const [snapshot, setSnapshot] = useState<SnapshotFrom<A>>(() => actor.getSnapshot() as SnapshotFrom<A>);
  // Subscribed as the screen is drawn, not after the next paint: an answer given at once is not missed until then.
  useLayoutEffect(() => {
    setSnapshot(actor.getSnapshot() as SnapshotFrom<A>);
    const subscription = actor.subscribe((next: SnapshotFrom<A>) => setSnapshot(next));
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
