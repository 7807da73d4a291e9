// The one key map of a run, for the kiosk and the professional interview alike. Pure: it reads a
// key and where it was pressed, and says what the run should do; the question screen does it.
// Single keys act only while the question's screen has the focus (WCAG 2.1.4), which is where the
// focus lands on every new question.
//
// Everyone: 1–9 pick the answer with that number (not on an exercise, not in a text field nor in
// the language menu or a dialog); Enter on the question's heading or on an answer goes on.
// The professional, outside text fields: Enter anywhere but on a button goes on, R goes back,
// P / O say who answered (the person, or the professional observed), S skips an exercise, N and G
// jump to the question's note and the general note; in a note, Ctrl+Enter goes on and Escape
// returns to the question.

export type RunVariant = 'kiosk' | 'pro';

export type RunKeyAction =
  | { type: 'pick'; index: number }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'source'; source: 'person' | 'observed' }
  | { type: 'focus'; target: 'note' | 'general-note' | 'heading' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyPlace {
  variant: RunVariant;
  /** On the question's heading (where the focus lands), or on nothing in particular. */
  onHeading: boolean;
  /** On an answer (a radio button or a checkbox). */
  onAnswer: boolean;
  onButton: boolean;
  /** In a field that takes text (input, select, textarea). */
  inText: boolean;
  /** In a note (a textarea). */
  inNote: boolean;
  /** In the language menu, a dialog, the professional space's nav and tools, or something inert. */
  elsewhere: boolean;
  /** Outside the question's screen (the header, the skip link, a notice): single keys do nothing there. */
  outside: boolean;
  /** The question has answers to pick (not an exercise, not an information screen). */
  picks: boolean;
  exercise: boolean;
}

const PRO_LETTERS: Record<string, RunKeyAction> = {
  r: { type: 'back' },
  p: { type: 'source', source: 'person' },
  o: { type: 'source', source: 'observed' },
  n: { type: 'focus', target: 'note' },
  g: { type: 'focus', target: 'general-note' },
};

export function runKeyAction(press: KeyPress, place: KeyPlace): RunKeyAction | undefined {
  if (press.metaKey || press.altKey || place.elsewhere || place.outside) return undefined;
  const pro = place.variant === 'pro';
  if (place.inText) {
    if (!pro || !place.inNote) return undefined;
    if (press.key === 'Enter' && press.ctrlKey) return { type: 'next' };
    if (press.key === 'Escape') return { type: 'focus', target: 'heading' };
    return undefined;
  }
  if (press.ctrlKey) return undefined;
  if (/^[1-9]$/.test(press.key)) return place.picks ? { type: 'pick', index: Number(press.key) - 1 } : undefined;
  if (press.key === 'Enter') {
    if (place.onHeading || place.onAnswer) return { type: 'next' };
    return pro && !place.onButton ? { type: 'next' } : undefined;
  }
  if (!pro) return undefined;
  const key = press.key.toLowerCase();
  if (key === 's') return place.exercise ? { type: 'skip' } : undefined;
  return PRO_LETTERS[key];
}
