import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Answers, AreaLevel, LoadedQuestionnaire, Outcome, QuestionId } from '../core/index.ts';
import { handoffFragment, shortCodeOf } from './handoff-link.ts';
import { placesOf, suggestPlaces } from '../core/places.ts';
import { personSteps } from '../core/scoring.ts';
import { useT } from './i18n-context.ts';
import { localeText, hasLocaleText } from './questionnaire-loader.ts';
import { MAX_SHARED_PLACES, type SharedResult } from './result-link.ts';
import { resultFragment, resultUrl, sharedPlace } from './result-share.ts';
import { ResultPlaces } from './result-places.tsx';
import { frenchPhone, telHref } from './place-words.ts';
import { Breakable, fill, Ltr, marker, RichText } from './rich-text.tsx';
import { ReadAloud, type ReadAloudPart } from './read-aloud.tsx';
import { useLazy } from './use-lazy.ts';
import './result.css';

// The result: the profile, each area as a level in words and colour (strengths first), the next
// steps, the reminder that this is advice and not a decision, printing a one-page roadmap, and a QR
// code that reopens this page on a phone. Loaded with import() after the questions.
// Keyboard: every action is a native button or link, in reading order.

const loadQr = () => import('./qr-code.tsx');

export interface ResultScreenProps {
  loaded: LoadedQuestionnaire;
  result: SharedResult;
  /** Opened from a QR code, on a phone: no "back", and the page says it is stored nowhere. */
  shared: boolean;
  onFinish: () => void;
  onBack?: (() => void) | undefined;
  /** The outcome and the structure's stored local places: the result names up to three that fit. */
  nearby?: { outcome: Outcome; places: unknown } | undefined;
  /** The finish button's text key, when it does not end the session (the professional space's "back to my view"). */
  finishKey?: string | undefined;
  /**
   * The run's answers, for the hand-off: the person may (never must) show a second QR code that
   * carries them to a professional (src/core/handoff.ts). Without them, the short code and the
   * result's QR code still hand the result over.
   */
  answered?: { answers: Answers; path: readonly QuestionId[] } | undefined;
}

/** Places named on a result, at most (all of them travel in the QR link). */
const NEARBY_LIMIT = MAX_SHARED_PLACES;

const STRENGTH: Record<AreaLevel, number> = { acquis: 0, 'en-cours': 1, 'a-travailler': 2 };

export function ResultScreen({ loaded, result, shared, onFinish, onBack, nearby, finishKey, answered }: ResultScreenProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const heading = useRef<HTMLHeadingElement>(null);
  const title = localeText(tree, 'profiles', result.profile, 'title');

  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    document.title = t('ui.app.pageTitle', { page: t('ui.result.pageTitle', { profile: title }) });
  }, [t, title]);

  // Strengths first; areas not measured on this path last.
  const areas = [...result.areas].sort((a, b) => (a.level ? STRENGTH[a.level] : 3) - (b.level ? STRENGTH[b.level] : 3));
  // The person's own result: the first steps only (`maxForPerson`, the urgent first); the professional's sheet has them all.
  const steps = personSteps(loaded.questionnaire, result.steps).map((id) => loaded.questionnaire.recommendations.steps.find((s) => s.id === id)).filter((s) => s !== undefined);
  // The places come with a shared link; on the device, from the structure's list.
  const places = result.places ?? (nearby ? suggestPlaces(nearby.outcome, loaded.questionnaire, placesOf(nearby.places), { language, limit: NEARBY_LIMIT }).map((s) => sharedPlace(s.place)) : []);
  const url = resultUrl({ ...result, language, places }, window.location);
  const code = shared ? undefined : shortCodeOf(loaded, result);
  const [withAnswers, setWithAnswers] = useState(false);
  // Read aloud: the profile, each area and its level, the next steps, and that this is advice.
  const readParts: ReadAloudPart[] = [
    { key: `profiles.${result.profile}.title`, text: title },
    { key: `profiles.${result.profile}.description`, text: localeText(tree, 'profiles', result.profile, 'description') },
    { key: 'ui.result.areasTitle', text: t('ui.result.areasTitle') },
    ...areas.flatMap(({ area, level }) => [
      { key: `areas.${area}.label`, text: localeText(tree, 'areas', area, 'label') },
      { key: `ui.result.levels.${level ?? 'none'}`, text: t(`ui.result.levels.${level ?? 'none'}`) },
    ]),
    { key: 'ui.result.stepsTitle', text: t('ui.result.stepsTitle') },
    ...steps.flatMap((step) => [
      { key: `steps.${step.id}.title`, text: localeText(tree, 'steps', step.id, 'title') },
      { key: `steps.${step.id}.text`, text: localeText(tree, 'steps', step.id, 'text') },
    ]),
    { key: 'ui.result.advice', text: t('ui.result.advice') },
  ];

  return (
    <article class="result" aria-labelledby="result-title">
      <header class="result__header">
        <p class="result__kicker">
          <span class="print-only result__print-title">{t('ui.result.printTitle')}</span>
          {t('ui.result.profile')}
        </p>
        <h1 id="result-title" class="result__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p class="result__description prose">
          <RichText text={localeText(tree, 'profiles', result.profile, 'description')} />
        </p>
        <ReadAloud id="result-read" parts={readParts} />
        {shared && <p class="notice">{t('ui.result.shared')}</p>}
      </header>

      <section class="result__section" aria-labelledby="areas-title">
        <h2 id="areas-title">{t('ui.result.areasTitle')}</h2>
        <ul class="areas" role="list">
          {areas.map(({ area, level }) => (
            <li key={area} class={`area area--${level ?? 'none'}`}>
              <span class="area__name">{localeText(tree, 'areas', area, 'label')}</span>
              <span class="area__level">
                <span class="area__mark" aria-hidden="true" />
                {t(`ui.result.levels.${level ?? 'none'}`)}
              </span>
              {hasLocaleText(tree, 'areas', area, 'description') && <span class="area__description">{localeText(tree, 'areas', area, 'description')}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section class="result__section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('ui.result.stepsTitle')}</h2>
        {steps.length === 0 ? (
          <p>{t('ui.result.noSteps')}</p>
        ) : (
          <ol class="steps">
            {steps.map((step) => (
              <li key={step.id} class={`next-step next-step--${step.kind}`}>
                <h3 class="next-step__title">
                  <RichText text={localeText(tree, 'steps', step.id, 'title')} />
                </h3>
                <p class="next-step__text prose">
                  <RichText text={localeText(tree, 'steps', step.id, 'text')} />
                </p>
                {step.phone && (
                  <p class="next-step__contact">
                    <a href={telHref(step.phone)}>{fill(t('ui.result.phone', { phone: marker('phone') }), { phone: <Ltr>{frenchPhone(step.phone)}</Ltr> })}</a>
                  </p>
                )}
                {step.link && (
                  <p class="next-step__contact">
                    <a href={step.link} rel="noopener noreferrer" target="_blank">
                      {fill(t('ui.result.link', { link: marker('link') }), {
                        link: (
                          <Ltr>
                            <Breakable text={step.link.replace(/^https:\/\//, '').replace(/\/$/, '')} />
                          </Ltr>
                        ),
                      })}
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ResultPlaces places={places} />

      <p class="result__advice">
        <span class="result__advice-icon" aria-hidden="true">i</span>
        {t('ui.result.advice')}
      </p>

      {!shared && (
      <section class="result__section result__qr" aria-labelledby="qr-title">
        <div class="result__qr-text">
          <h2 id="qr-title">{t('ui.result.qrTitle')}</h2>
          <p>{t('ui.result.qrText')}</p>
          <p>
            {t('ui.result.handoff')}{' '}
            <strong class="result__code" dir="ltr" translate={false}>
              {code}
            </strong>
          </p>
          {answered && (
            <p class="no-print">
              <button type="button" class="button button--secondary" aria-expanded={withAnswers} onClick={() => setWithAnswers((v) => !v)}>
                {t('ui.result.handoffAnswers')}
              </button>
            </p>
          )}
          {answered && withAnswers && <p class="no-print">{t('ui.result.handoffAnswersText')}</p>}
        </div>
        <LazyQrCode text={url} label={t('ui.result.qrAlt')} />
        {answered && withAnswers && (
          <span class="no-print">
            <LazyQrCode text={`${window.location.origin}${window.location.pathname}${handoffFragment(resultFragment({ ...result, language }), loaded, answered)}`} label={t('ui.result.handoffAnswersAlt')} />
          </span>
        )}
      </section>
      )}

      <div class="result__actions no-print">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          <span class="button__print" aria-hidden="true" />
          {t('ui.result.print')}
        </button>
        {onBack && (
          <button type="button" class="button button--secondary" onClick={onBack}>
            {t('ui.result.back')}
          </button>
        )}
        <button type="button" class="button button--primary" onClick={onFinish}>
          {t(finishKey ?? (shared ? 'ui.result.close' : 'ui.result.finish'))}
        </button>
      </div>
    </article>
  );
}

function LazyQrCode({ text, label }: { text: string; label: string }) {
  const qr = useLazy(loadQr);
  return qr ? <qr.QrCode text={text} label={label} /> : <span class="qr-code qr-code--loading" />;
}
