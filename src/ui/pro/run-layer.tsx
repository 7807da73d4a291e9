import { useEffect, useState } from 'preact/hooks';
import { NOTE_MAX, type ProRecord } from '../../core/pro-record.ts';
import { useT } from '../i18n-context.ts';
import type { RunLayer, RunLayerProps } from '../question-screen.tsx';

// The professional's layer over the one question screen (question-screen.tsx): who the diagnostic
// is for, who answered the question, a note per question, the general note, the shortcuts (the key
// map is run-keys.ts), and whether the record is saved. Everything typed goes to the run
// controller, which writes the record, encrypted, on every change.

const SHORTCUTS = ['digits', 'enter', 'back', 'person', 'observed', 'skip', 'note', 'general', 'ctrlEnter', 'escape'] as const;

function Header({ record }: { record: Pick<ProRecord, 'code' | 'label' | 'session'> }) {
  const { t } = useT();
  return (
    <header class="pro-run__header">
      <p class="pro-run__who">
        <span class="pro-run__code">{record.code}</span>
        <span>{t(`pro.interview.modes.${record.session.mode}`)}</span>
        {record.label && <span>{record.label}</span>}
      </p>
    </header>
  );
}

function Below({ run, view, question }: RunLayerProps) {
  const { t } = useT();
  const source = view.context.answeredBy[question.id] ?? 'person';
  const note = view.context.notes[question.id] ?? '';
  return (
    <>
      {question.kind !== 'info' && (
        <fieldset class="pro-choice pro-run__source">
          <legend>{t('pro.interview.sourceLegend')}</legend>
          {(['person', 'observed'] as const).map((s) => (
            <label key={s} class="pro-choice__item">
              <input type="radio" name={`pro-source-${question.id}`} value={s} checked={source === s} onChange={() => run.answeredBy(question.id, s)} />
              {t(`pro.interview.source.${s}`)} <kbd aria-hidden="true">{s === 'person' ? 'P' : 'O'}</kbd>
            </label>
          ))}
        </fieldset>
      )}
      <div class="pro-field">
        <label for="pro-note">
          {t('pro.interview.note')} <kbd aria-hidden="true">N</kbd>
        </label>
        <textarea id="pro-note" rows={3} maxLength={NOTE_MAX} value={note} onInput={(e) => run.note(question.id, e.currentTarget.value)} />
      </div>
    </>
  );
}

function Beside({ run, view }: RunLayerProps) {
  const { t } = useT();
  const [failed, setFailed] = useState(run.saveFailed.get());
  useEffect(() => run.saveFailed.subscribe(setFailed), [run]);
  return (
    <aside class="pro-run__side" aria-labelledby="pro-side-title">
      <h2 id="pro-side-title" class="visually-hidden">
        {t('pro.interview.sideTitle')}
      </h2>
      <div class="pro-field">
        <label for="pro-general-note">
          {t('pro.interview.generalNote')} <kbd aria-hidden="true">G</kbd>
        </label>
        <textarea id="pro-general-note" rows={5} maxLength={NOTE_MAX} value={view.context.generalNote} onInput={(e) => run.generalNote(e.currentTarget.value)} />
      </div>
      <section class="pro-keys" aria-labelledby="pro-keys-title">
        <h3 id="pro-keys-title">{t('pro.interview.keys.title')}</h3>
        <dl>
          {SHORTCUTS.map((k) => (
            <div key={k} class="pro-keys__row">
              <dt>
                <kbd>{t(`pro.interview.keys.${k}Key`)}</kbd>
              </dt>
              <dd>{t(`pro.interview.keys.${k}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {failed ? (
        <p class="notice notice--warning" role="alert">
          {t('pro.interview.saveFailed')}
        </p>
      ) : (
        <p class="pro-run__saved">{t('pro.interview.savedEncrypted')}</p>
      )}
    </aside>
  );
}

/** The layer for one professional record. */
export function proRunLayer(record: Pick<ProRecord, 'code' | 'label' | 'session'>): RunLayer {
  return { header: <Header record={record} />, Below, Beside };
}
