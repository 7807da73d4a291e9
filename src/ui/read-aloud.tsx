import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n-context.ts';

// "Lire à voix haute": the browser's own speech synthesis, in the current language. Where the
// browser has no voice for that language the button is simply not there; it never shows an error.
// Keyboard: a toggle button (Enter or Space starts and stops the reading).

function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : undefined;
}

/** The best voice for a language: exact match first, then the same base language. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0] ?? wanted;
  return voices.find((v) => v.lang.toLowerCase() === wanted) ?? voices.find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
}

/** Stops any reading in progress (when the person leaves or the kiosk forgets). */
export function stopReading(): void {
  try {
    synthesis()?.cancel();
  } catch {
    // Nothing to stop.
  }
}

export function ReadAloud({ text, id }: { text: string; id: string }) {
  const { t, language } = useT();
  const synth = synthesis();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(() => (synth ? voiceFor(synth.getVoices(), language) : undefined));
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoice(voiceFor(synth.getVoices(), language));
    update();
    synth.addEventListener?.('voiceschanged', update);
    return () => synth.removeEventListener?.('voiceschanged', update);
  }, [synth, language]);

  // A new question, or a new language, stops what was being read.
  useEffect(() => {
    setSpeaking(false);
    return () => stopReading();
  }, [text, language]);

  if (!synth || !voice) return null;

  const toggle = () => {
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang || language;
    utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };

  return (
    <button type="button" id={id} class="button button--tertiary read-aloud" aria-pressed={speaking} onClick={toggle}>
      <span class="read-aloud__icon" aria-hidden="true" />
      {speaking ? t('ui.question.stopReading') : t('ui.question.readAloud')}
    </button>
  );
}
