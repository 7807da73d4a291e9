import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LoadedQuestionnaire } from '../../core/index.ts';
import { AUDIO_FOLDER } from '../../core/audio.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { downloadBlob, type DownloadBlob } from './download.ts';
import type { ProSectionProps } from './section-props.ts';
import { StatusLine } from './tools-parts.tsx';

// « Voix enregistrées »: a structure records its own voice for a text of the questionnaire (the
// browser's MediaRecorder, the microphone asked for only when « Enregistrer » is pressed), listens
// to it, and exports it under the name the kiosk looks for: <key>.<ext>, to put in
// questionnaires/<id>/audio/<language>/ before the next build (then `npm run validate` checks it and
// the kiosk reads it before speech synthesis, see src/core/audio.ts). Nothing is kept on the device.

export interface VoicesSectionProps extends ProSectionProps {
  /** For tests: the microphone and the download; the browser's otherwise. */
  microphone?: () => Promise<MediaStream>;
  download?: DownloadBlob;
}

/** Every text of the questionnaire a person may hear, with its key, in the order of the run. */
export function readableTexts(loaded: LoadedQuestionnaire, language: string): { key: string; text: string }[] {
  const tree = loaded.locales[language];
  const q = loaded.questionnaire;
  const texts: { key: string; text: string }[] = [];
  const add = (...keys: string[]) => texts.push({ key: keys.join('.'), text: localeText(tree, ...keys) });
  for (const question of q.questions) {
    add('questions', question.id, 'text');
    for (const option of question.options ?? []) add('questions', question.id, 'options', option.id);
  }
  for (const profile of q.profiles) {
    add('profiles', profile, 'title');
    add('profiles', profile, 'description');
  }
  for (const area of q.areas) add('areas', area, 'label');
  for (const step of q.recommendations.steps) {
    add('steps', step.id, 'title');
    add('steps', step.id, 'text');
  }
  return texts;
}

type Phase = { kind: 'idle' } | { kind: 'recording' } | { kind: 'recorded'; blob: Blob; url: string } | { kind: 'failed'; reason: 'unsupported' | 'denied' };

const EXTENSIONS: [string, string][] = [
  ['audio/ogg', 'ogg'],
  ['audio/webm', 'webm'],
  ['audio/mp4', 'm4a'],
  ['audio/mpeg', 'mp3'],
];

export default function VoicesSection({ questionnaire, language, microphone, download = downloadBlob }: VoicesSectionProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const texts = useMemo(() => readableTexts(questionnaire, language), [questionnaire, language]);
  const [key, setKey] = useState(texts[0]?.key ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const recorder = useRef<MediaRecorder | undefined>(undefined);
  useLayoutEffect(() => heading.current?.focus(), []);
  // A new text, or leaving: the recording in progress stops, the one heard is let go.
  useEffect(() => () => recorder.current?.stop(), []);
  useEffect(() => () => void (phase.kind === 'recorded' && URL.revokeObjectURL(phase.url)), [phase]);

  const text = texts.find((x) => x.key === key)?.text ?? '';
  const supported = typeof MediaRecorder !== 'undefined' && (microphone !== undefined || !!navigator.mediaDevices?.getUserMedia);

  const record = async () => {
    setStatus('');
    if (!supported) return setPhase({ kind: 'failed', reason: 'unsupported' });
    let stream: MediaStream;
    try {
      stream = await (microphone ?? (() => navigator.mediaDevices.getUserMedia({ audio: true })))();
    } catch {
      return setPhase({ kind: 'failed', reason: 'denied' });
    }
    const type = EXTENSIONS.map(([mime]) => mime).find((mime) => MediaRecorder.isTypeSupported?.(mime));
    const rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    rec.ondataavailable = (event) => chunks.push(event.data);
    rec.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      const blob = new Blob(chunks, { type: rec.mimeType || type || 'audio/webm' });
      setPhase({ kind: 'recorded', blob, url: URL.createObjectURL(blob) });
      setStatus(t('pro.voices.recorded'));
    };
    recorder.current = rec;
    rec.start();
    setPhase({ kind: 'recording' });
    setStatus(t('pro.voices.recording'));
  };

  const stop = () => {
    recorder.current?.stop();
    recorder.current = undefined;
  };

  const fileName = (blob: Blob) => {
    const extension = EXTENSIONS.find(([mime]) => blob.type.startsWith(mime))?.[1] ?? 'webm';
    return `${key}.${extension}`;
  };

  const save = () => {
    if (phase.kind !== 'recorded') return;
    const name = fileName(phase.blob);
    download(name, phase.blob);
    setStatus(t('pro.voices.exported', { file: name, folder: `questionnaires/${questionnaire.questionnaire.id}/${AUDIO_FOLDER}/${language}/` }));
  };

  return (
    <section class="pro pro-tools" aria-labelledby="pro-voices-title">
      <h1 id="pro-voices-title" tabIndex={-1} ref={heading}>
        {t('pro.voices.title')}
      </h1>
      <p>{t('pro.voices.intro')}</p>
      <div class="pro-field">
        <label for="pro-voices-text">{t('pro.voices.text')}</label>
        <select
          id="pro-voices-text"
          value={key}
          disabled={phase.kind === 'recording'}
          onChange={(e) => {
            setKey(e.currentTarget.value);
            setPhase({ kind: 'idle' });
            setStatus('');
          }}
        >
          {texts.map((x) => (
            <option key={x.key} value={x.key}>
              {x.text.length > 90 ? `${x.text.slice(0, 89)}…` : x.text}
            </option>
          ))}
        </select>
      </div>
      <blockquote class="pro-voices__text">
        <p>{text}</p>
        <p class="pro-field__hint">{t('pro.voices.key', { key })}</p>
      </blockquote>
      <p class="pro-actions">
        {phase.kind === 'recording' ? (
          <button type="button" class="button button--primary" onClick={stop}>
            {t('pro.voices.stop')}
          </button>
        ) : (
          <button type="button" class="button button--primary" onClick={() => void record()}>
            {t(phase.kind === 'recorded' ? 'pro.voices.again' : 'pro.voices.record')}
          </button>
        )}
        {phase.kind === 'recorded' && (
          <button type="button" class="button button--secondary" onClick={save}>
            {t('pro.voices.export')}
          </button>
        )}
      </p>
      {phase.kind === 'recorded' && (
        <audio class="pro-voices__player" controls src={phase.url} aria-label={t('pro.voices.listen')} />
      )}
      {phase.kind === 'failed' && (
        <p class="question__error" role="alert">
          {t(`pro.voices.${phase.reason}`)}
        </p>
      )}
      <StatusLine text={status} />
    </section>
  );
}
