import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n-context.ts';
import { recordedAudio } from './recorded-audio.ts';

// "Lire à voix haute": reads a screen's texts in the language on screen, one part after another.
// A part the questionnaire ships a recording for (questionnaires/<id>/audio/<language>/<key>.mp3,
// see src/core/audio.ts) plays that recording; the others go to the browser's speech synthesis,
// with a voice of that language. When neither exists, the control says so in words, instead of
// leaving the person to wonder where it went.
// Keyboard: a toggle button (Enter or Space starts and stops the reading).

/** One text to read: its words, and its key (`questions.equipement.text`, `ui.start.what`) when it may have a recording. */
export interface ReadAloudPart {
  text: string;
  key?: string | undefined;
}

function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : undefined;
}

/** The best voice for a language: exact match first, then the same base language. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0] ?? wanted;
  return voices.find((v) => v.lang.toLowerCase() === wanted) ?? voices.find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
}

// The reading in progress, whichever button started it: a new one, or the kiosk forgetting the person, stops it.
let playing: HTMLAudioElement | undefined;
let reading = 0;

/** Stops any reading in progress (when the person leaves or the kiosk forgets). */
export function stopReading(): void {
  reading++;
  playing?.pause();
  playing = undefined;
  try {
    synthesis()?.cancel();
  } catch {
    // Nothing to stop.
  }
}

/** How long to wait for the browser to list its voices before saying there is none. */
const VOICES_WAIT_MS = 1500;

function useVoice(language: string): { voice: SpeechSynthesisVoice | undefined; known: boolean } {
  const synth = synthesis();
  const [state, setState] = useState(() => {
    const voices = synth?.getVoices() ?? [];
    return { voice: voiceFor(voices, language), known: !synth || voices.length > 0 };
  });
  useEffect(() => {
    if (!synth) return;
    const update = () => {
      const voices = synth.getVoices();
      setState((s) => ({ voice: voiceFor(voices, language), known: s.known || voices.length > 0 }));
    };
    update();
    const settle = setTimeout(() => setState((s) => (s.known ? s : { ...s, known: true })), VOICES_WAIT_MS);
    synth.addEventListener?.('voiceschanged', update);
    return () => {
      clearTimeout(settle);
      synth.removeEventListener?.('voiceschanged', update);
    };
  }, [synth, language]);
  return state;
}

function playRecording(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    playing = audio;
    audio.onended = () => resolve(true);
    audio.onerror = () => resolve(false);
    audio.play().catch(() => resolve(false));
  });
}

function speak(text: string, voice: SpeechSynthesisVoice, language: string): Promise<void> {
  return new Promise((resolve) => {
    const synth = synthesis();
    if (!synth) return resolve();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang || language;
    utterance.voice = voice;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    synth.speak(utterance);
  });
}

export interface ReadAloudProps {
  /** The button's id (`<screen>-read`). */
  id: string;
  /** What to read: the parts in order; or one text, without a recording. */
  parts?: readonly ReadAloudPart[];
  text?: string;
}

export function ReadAloud({ id, parts, text }: ReadAloudProps) {
  const { t, language } = useT();
  const { voice, known } = useVoice(language);
  const [speaking, setSpeaking] = useState(false);
  const all = parts ?? (text ? [{ text }] : []);
  const read = all.map((part) => ({ ...part, audio: part.key ? recordedAudio(language, part.key) : undefined })).filter((part) => part.audio || (voice && part.text.trim()));
  const session = useRef(0);
  const content = all.map((p) => p.text).join('\n');

  // A new screen, or a new language, stops what was being read.
  useEffect(() => {
    setSpeaking(false);
    return () => {
      if (session.current === reading) stopReading();
    };
  }, [content, language]);

  if (read.length === 0) {
    // Voices not listed yet: nothing to say so far.
    if (!known) return null;
    return (
      <p id={id} class="read-aloud read-aloud--none">
        <span class="read-aloud__icon read-aloud__icon--none" aria-hidden="true" />
        {t('ui.readAloud.none')}
      </p>
    );
  }

  const toggle = async () => {
    if (speaking) {
      stopReading();
      setSpeaking(false);
      return;
    }
    stopReading();
    const mine = reading;
    session.current = mine;
    setSpeaking(true);
    for (const part of read) {
      if (reading !== mine) return;
      const played = part.audio ? await playRecording(part.audio) : false;
      if (reading !== mine) return;
      if (!played && voice && part.text.trim()) await speak(part.text, voice, language);
    }
    if (reading === mine) setSpeaking(false);
  };

  return (
    <button type="button" id={id} class="button button--tertiary read-aloud" aria-pressed={speaking} onClick={() => void toggle()}>
      <span class="read-aloud__icon" aria-hidden="true" />
      {speaking ? t('ui.question.stopReading') : t('ui.question.readAloud')}
    </button>
  );
}
