import { describe, expect, it } from 'vitest';
import { observable } from '../../src/core/observable.ts';

describe('observable', () => {
  it('tells each listener of a change once, not of the same value again, and no longer after unsubscribing', () => {
    const notice = observable<string | undefined>(undefined);
    const heard: (string | undefined)[] = [];
    const stop = notice.subscribe((v) => heard.push(v));
    notice.set('storage.quota');
    notice.set('storage.quota');
    notice.set(undefined);
    stop();
    notice.set('storage.failed');
    expect(heard).toEqual(['storage.quota', undefined]);
    expect(notice.get()).toBe('storage.failed');
  });
});
