import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n-context.ts';
import { current, stopReading, synthesis, voiceFor, type ReadAloudProps } from './read-aloud-state.ts';
import { recordedAudio } from './recorded-audio.ts';

// The read-aloud button (see read-aloud.tsx, which loads it): recordings first, then the browser's
// voice of the language, else the words saying there is none.

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
    current.playing = audio;
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

export function ReadAloudButton({ id, parts, text }: ReadAloudProps) {
  const { t, language } = useT();
  const { voice, known } = useVoice(language);
  const [speaking, setSpeaking] = useState(false);
  const all = parts ?? (text ? [{ text }] : []);
  const read = all.map((part) => ({ ...part, audio: part.key ? recordedAudio(language, part.key, part.questionnaire) : undefined })).filter((part) => part.audio || (voice && part.text.trim()));
  const session = useRef(0);
  const content = all.map((p) => p.text).join('\n');

  // A new screen, or a new language, stops what was being read.
  useEffect(() => {
    setSpeaking(false);
    return () => {
      if (session.current === current.reading) stopReading();
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
    const mine = current.reading;
    session.current = mine;
    setSpeaking(true);
    for (const part of read) {
      if (current.reading !== mine) return;
      const played = part.audio ? await playRecording(part.audio) : false;
      if (current.reading !== mine) return;
      if (!played && voice && part.text.trim()) await speak(part.text, voice, language);
    }
    if (current.reading === mine) setSpeaking(false);
  };

  return (
    <button type="button" id={id} class="button button--tertiary read-aloud" aria-pressed={speaking} onClick={() => void toggle()}>
      <span class="read-aloud__icon" aria-hidden="true" />
      {speaking ? t('ui.question.stopReading') : t('ui.question.readAloud')}
    </button>
  );
}
