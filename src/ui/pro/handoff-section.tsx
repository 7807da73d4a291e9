import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { recordFromHandoff, type Handoff } from '../../core/handoff.ts';
import { newSessionId } from '../../core/index.ts';
import { LABEL_MAX, newPersonCode, normalizePersonCode, type PersonCode } from '../../core/pro-record.ts';
import { readHandoff } from '../handoff-link.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { RECORDS, type ProSectionProps } from './section-props.ts';
import type { Scan } from './qr-scan.ts';

// « Recevoir un résultat »: a kiosk result handed to the professional by its QR code (scanned with
// the camera), its link (pasted, or opened: params.link) or its short code (typed), filed as a
// record under a new or an existing person code. See src/core/handoff.ts.

const randomUnit = () => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export default function HandoffSection({ vault, questionnaire, language, params, navigate }: ProSectionProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const scan = useRef<Scan | undefined>(undefined);
  const [text, setText] = useState(params.link ?? '');
  const [problem, setProblem] = useState<string>();
  const [handoff, setHandoff] = useState<Handoff>();
  const [scanning, setScanning] = useState(false);
  const [newCode] = useState<PersonCode>(() => newPersonCode(randomBytes));
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [existing, setExisting] = useState('');
  const [label, setLabel] = useState('');
  const [fileProblem, setFileProblem] = useState<string>();
  const preview = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  useLayoutEffect(() => {
    if (handoff) preview.current?.focus();
  }, [handoff]);
  useEffect(() => () => scan.current?.stop(), []);

  const read = (value: string) => {
    const result = readHandoff(questionnaire, value);
    if (result.ok) {
      setProblem(undefined);
      setHandoff(result.handoff);
    } else {
      setHandoff(undefined);
      setProblem(`pro.handoff.problems.${result.problem}`);
    }
  };
  useEffect(() => {
    if (params.link) read(params.link);
  }, []);

  const startCamera = async () => {
    setProblem(undefined);
    setScanning(true);
    try {
      const { startScan } = await import('./qr-scan.ts');
      if (!video.current) return;
      scan.current = await startScan(video.current, (value) => {
        setScanning(false);
        setText(value);
        read(value);
      });
    } catch {
      setScanning(false);
      setProblem('pro.handoff.noCamera');
    }
  };
  const stopCamera = () => {
    scan.current?.stop();
    setScanning(false);
  };

  const file = async (event: Event) => {
    event.preventDefault();
    if (!handoff) return;
    const code = target === 'new' ? newCode : normalizePersonCode(existing);
    if (!code) return setFileProblem('pro.handoff.badCode');
    const record = recordFromHandoff({
      questionnaire: questionnaire.questionnaire,
      contentHash: questionnaire.contentHash,
      handoff,
      id: newSessionId(randomUnit),
      code,
      label,
      language,
      now: new Date().toISOString(),
    });
    const written = await vault.put(RECORDS, record.session.id, record);
    if (!written.ok) return setFileProblem('pro.handoff.failed');
    navigate('records', { record: record.session.id });
  };

  const tree = questionnaire.locales[language];
  return (
    <section class="pro-section" aria-labelledby="pro-handoff-title">
      <h1 id="pro-handoff-title" tabIndex={-1} ref={heading}>
        {t('pro.handoff.title')}
      </h1>
      <p>{t('pro.handoff.intro')}</p>
      <form
        class="pro-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          read(text);
        }}
      >
        <div class="pro-field">
          <label for="pro-handoff-text">{t('pro.handoff.text')}</label>
          <p class="pro-field__hint" id="pro-handoff-hint">
            {t('pro.handoff.textHint')}
          </p>
          <input
            id="pro-handoff-text"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={text}
            aria-describedby={problem ? 'pro-handoff-hint pro-handoff-problem' : 'pro-handoff-hint'}
            aria-invalid={!!problem}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        {problem && (
          <p class="question__error" role="alert" id="pro-handoff-problem">
            {t(problem)}
          </p>
        )}
        <div class="pro-actions">
          <button type="submit" class="button button--primary">
            {t('pro.handoff.read')}
          </button>
          {scanning ? (
            <button type="button" class="button button--secondary" onClick={stopCamera}>
              {t('pro.handoff.scanStop')}
            </button>
          ) : (
            <button type="button" class="button button--secondary" onClick={() => void startCamera()}>
              {t('pro.handoff.scan')}
            </button>
          )}
        </div>
      </form>
      <div class="pro-scan" hidden={!scanning}>
        <p role="status">{scanning ? t('pro.handoff.scanning') : ''}</p>
        <video ref={video} class="pro-scan__video" aria-label={t('pro.handoff.video')} />
      </div>

      {handoff && (
        <section class="pro-handoff" aria-labelledby="pro-handoff-preview">
          <h2 id="pro-handoff-preview" tabIndex={-1} ref={preview}>
            {t('pro.handoff.preview')}
          </h2>
          <p>{t('pro.handoff.profile', { profile: localeText(tree, 'profiles', handoff.result.profile, 'title') })}</p>
          <ul>
            {handoff.result.areas.map(({ area, level }) => (
              <li key={area}>
                {t('pro.handoff.area', { area: localeText(tree, 'areas', area, 'label'), level: t(`ui.result.levels.${level ?? 'none'}`) })}
              </li>
            ))}
          </ul>
          <p>{handoff.answered ? t('pro.handoff.withAnswers', { count: handoff.answered.path.length }) : t('pro.handoff.resultOnly')}</p>
          <form class="pro-form" noValidate onSubmit={(e) => void file(e)}>
            <fieldset class="pro-field pro-choice">
              <legend>{t('pro.handoff.fileUnder')}</legend>
              <label class="pro-choice__item">
                <input type="radio" name="pro-handoff-target" checked={target === 'new'} onChange={() => setTarget('new')} />
                {t('pro.handoff.newCode', { code: newCode })}
              </label>
              <label class="pro-choice__item">
                <input type="radio" name="pro-handoff-target" checked={target === 'existing'} onChange={() => setTarget('existing')} />
                {t('pro.handoff.existingCode')}
              </label>
            </fieldset>
            {target === 'existing' && (
              <div class="pro-field">
                <label for="pro-handoff-code">{t('pro.handoff.code')}</label>
                <input id="pro-handoff-code" type="text" autocomplete="off" spellcheck={false} value={existing} aria-invalid={fileProblem === 'pro.handoff.badCode'} onInput={(e) => setExisting(e.currentTarget.value)} />
              </div>
            )}
            <div class="pro-field">
              <label for="pro-handoff-label">{t('pro.handoff.label')}</label>
              <input id="pro-handoff-label" type="text" autocomplete="off" maxLength={LABEL_MAX} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
            </div>
            {fileProblem && (
              <p class="question__error" role="alert">
                {t(fileProblem)}
              </p>
            )}
            <button type="submit" class="button button--primary">
              {t('pro.handoff.file')}
            </button>
          </form>
        </section>
      )}
    </section>
  );
}
