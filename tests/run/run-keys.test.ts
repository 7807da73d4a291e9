// The one key map of a run: the same keys for the kiosk and the professional, the professional's
// letters on top, and single keys only where the question has the focus.
import { describe, expect, it } from 'vitest';
import { runKeyAction, type KeyPlace } from '../../src/ui/run-keys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const at = (variant: KeyPlace['variant'], place: Partial<KeyPlace> = {}): KeyPlace => ({
  variant,
  onHeading: true,
  onAnswer: false,
  onButton: false,
  inText: false,
  inNote: false,
  elsewhere: false,
  outside: false,
  picks: true,
  exercise: false,
  ...place,
});

describe('the key map of a run', () => {
  it('picks an answer with its digit, and goes on with Enter on the heading or an answer, in both views', () => {
    for (const variant of ['kiosk', 'pro'] as const) {
      expect(runKeyAction(key('3'), at(variant))).toEqual({ type: 'pick', index: 2 });
      expect(runKeyAction(key('Enter'), at(variant))).toEqual({ type: 'next' });
      expect(runKeyAction(key('Enter'), at(variant, { onHeading: false, onAnswer: true }))).toEqual({ type: 'next' });
      // Not on an exercise, not with a modifier.
      expect(runKeyAction(key('3'), at(variant, { picks: false, exercise: true }))).toBeUndefined();
      expect(runKeyAction(key('3', { ctrlKey: true }), at(variant))).toBeUndefined();
      expect(runKeyAction(key('3', { altKey: true }), at(variant))).toBeUndefined();
    }
  });

  it("gives the professional R, P, O, S, N and G, and Enter anywhere but on a button; the kiosk none of them", () => {
    const pro = at('pro', { exercise: true, picks: false });
    expect(['r', 'p', 'o', 's', 'n', 'g'].map((k) => runKeyAction(key(k), pro))).toEqual([
      { type: 'back' },
      { type: 'source', source: 'person' },
      { type: 'source', source: 'observed' },
      { type: 'skip' },
      { type: 'focus', target: 'note' },
      { type: 'focus', target: 'general-note' },
    ]);
    expect(runKeyAction(key('s'), at('pro'))).toBeUndefined();
    expect(['r', 'p', 'o', 's', 'n', 'g'].map((k) => runKeyAction(key(k), at('kiosk', { exercise: true })))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(runKeyAction(key('Enter'), at('pro', { onHeading: false }))).toEqual({ type: 'next' });
    expect(runKeyAction(key('Enter'), at('pro', { onHeading: false, onButton: true }))).toBeUndefined();
    expect(runKeyAction(key('Enter'), at('kiosk', { onHeading: false }))).toBeUndefined();
  });

  it('leaves text to the fields: in a note, Ctrl+Enter goes on and Escape returns to the question', () => {
    const note = at('pro', { inText: true, inNote: true, onHeading: false });
    expect(runKeyAction(key('1'), note)).toBeUndefined();
    expect(runKeyAction(key('r'), note)).toBeUndefined();
    expect(runKeyAction(key('Enter'), note)).toBeUndefined();
    expect(runKeyAction(key('Enter', { ctrlKey: true }), note)).toEqual({ type: 'next' });
    expect(runKeyAction(key('Escape'), note)).toEqual({ type: 'focus', target: 'heading' });
    expect(runKeyAction(key('1'), at('kiosk', { inText: true, onHeading: false }))).toBeUndefined();
  });

  it('does nothing with single keys outside the question: the header, the language menu, a dialog (WCAG 2.1.4)', () => {
    for (const variant of ['kiosk', 'pro'] as const) {
      expect(runKeyAction(key('1'), at(variant, { outside: true, onHeading: false }))).toBeUndefined();
      expect(runKeyAction(key('Enter'), at(variant, { elsewhere: true, onHeading: false }))).toBeUndefined();
      expect(runKeyAction(key('r'), at(variant, { outside: true, onHeading: false }))).toBeUndefined();
    }
  });
});
