import { useLazy } from './use-lazy.ts';

// "Lire à voix haute": reads a screen's texts in the language on screen, one part after another.
// A part the questionnaire ships a recording for (questionnaires/<id>/audio/<language>/<key>.mp3,
// see src/core/audio.ts) plays that recording; the others go to the browser's speech synthesis,
// with a voice of that language. When neither exists, the control says so in words, instead of
// leaving the person to wonder where it went.
// Keyboard: a toggle button (Enter or Space starts and stops the reading).

export { stopReading, voiceFor, type ReadAloudPart, type ReadAloudProps } from './read-aloud-state.ts';
import type { ReadAloudProps } from './read-aloud-state.ts';

/** The button itself comes with import() the first time a screen shows it: the start screen's bundle keeps only stopReading. */
const loadButton = () => import('./read-aloud-button.tsx');

export function ReadAloud(props: ReadAloudProps) {
  const module = useLazy(loadButton);
  return module ? <module.ReadAloudButton {...props} /> : null;
}
