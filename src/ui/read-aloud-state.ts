// What the read-aloud button (read-aloud-button.tsx, loaded with import()) shares with the rest of
// the app: the reading in progress, to stop it from anywhere, and the choice of a voice.

/** One text to read: its words, and its key (`questions.equipement.text`, `ui.start.what`) when it may have a recording. */
export interface ReadAloudPart {
  text: string;
  key?: string | undefined;
  /** The questionnaire whose recording of `key` plays (a list of several reads each one's title): the one on screen when omitted. */
  questionnaire?: string | undefined;
}

export function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : undefined;
}

/** The best voice for a language: exact match first, then the same base language. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0] ?? wanted;
  return voices.find((v) => v.lang.toLowerCase() === wanted) ?? voices.find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
}

/** The reading in progress, whichever button started it: a new one, or the kiosk forgetting the person, stops it. */
export const current: { reading: number; playing: HTMLAudioElement | undefined } = { reading: 0, playing: undefined };

/** Stops any reading in progress (when the person leaves or the kiosk forgets). */
export function stopReading(): void {
  current.reading++;
  current.playing?.pause();
  current.playing = undefined;
  try {
    synthesis()?.cancel();
  } catch {
    // Nothing to stop.
  }
}

export interface ReadAloudProps {
  /** The button's id (`<screen>-read`). */
  id: string;
  /** What to read: the parts in order; or one text, without a recording. */
  parts?: readonly ReadAloudPart[];
  text?: string;
}

