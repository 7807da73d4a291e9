import { useEffect, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import type { Outcome } from '../../core/index.ts';
import { placesOf, suggestPlaces, type PlaceSuggestion } from '../../core/places.ts';
import { PLACES_SETTING } from '../../core/setting-keys.ts';
import { assignedCounts, suggestWorkshops, type Catalogue, type Roster } from '../../core/workshops.ts';
import { languageName } from '../../i18n/index.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { placeLearner } from './group-section.tsx';
import { openLocalData } from './local-data.ts';
import { StatusLine } from './tools-parts.tsx';
import { loadRoster, type ToolsSectionProps } from './tools-props.ts';
import { loadCatalogue } from './workshops-section.tsx';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// On a professional result: the catalogue's workshops that fit it (best first, full ones last and
// said so), each with a button placing the learner (by code) within capacity; then the local
// places that fit. The records view renders it under the result; loaded with import().

export interface PlacementProps extends Pick<ToolsSectionProps, 'vault' | 'questionnaire' | 'local'> {
  outcome: Outcome;
  /** The learner's code; without it (an interview), workshops are suggested but nobody is placed. */
  code?: string | undefined;
  /** The language the person answered in, for places speaking it. */
  personLanguage?: string | undefined;
}

export default function Placement({ vault, questionnaire, local, outcome, code, personLanguage }: PlacementProps) {
  const { t, language } = useT();
  const texts = questionnaire.locales[language] ?? Object.values(questionnaire.locales)[0];
  const [data, setData] = useState<{ catalogue: Catalogue; places: PlaceSuggestion[] }>();
  const [roster, setRoster] = useState<Roster>({ assignments: {} });
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = local ?? (await openLocalData());
      const [catalogue, roster, rawPlaces] = await Promise.all([loadCatalogue(store), loadRoster(vault, questionnaire.questionnaire.id), store.get(PLACES_SETTING)]);
      if (!live) return;
      const places = suggestPlaces(outcome, questionnaire.questionnaire, placesOf(rawPlaces), { language: personLanguage ?? language, limit: 5 });
      setData({ catalogue, places });
      setRoster(roster);
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, [outcome]);

  if (!data) {
    return <LoadingStatus />;
  }
  const suggestions = suggestWorkshops(outcome, questionnaire.questionnaire, data.catalogue, assignedCounts(roster));
  const areaLabel = (id: string) => localeText(texts, 'areas', id, 'label');

  const place = async (workshopId: string, title: string, capacity: number) => {
    if (!code) return;
    const result = await placeLearner(vault, roster, code, workshopId, data.catalogue);
    if (result.ok) {
      setRoster(result.roster);
      setStatus(t('pro.workshops.group.assigned', { code, title }));
    } else setStatus(result.reason === 'full' ? t('pro.workshops.group.full', { title, count: capacity }) : t('pro.workshops.storageFailed'));
  };

  return (
    <div class="pro-placement">
      <section aria-labelledby="pro-placement-title">
        <h2 id="pro-placement-title">{t('pro.workshops.placement.title')}</h2>
        <StatusLine text={status} />
        {suggestions.length === 0 ? (
          <p>{t('pro.workshops.placement.none')}</p>
        ) : (
          <ol class="pro-cards">
            {suggestions.map((s) => {
              const placedHere = code !== undefined && roster.assignments[code] === s.workshop.id;
              return (
                <li key={s.workshop.id} class="pro-card">
                  <h3 class="pro-card__title">{s.workshop.title}</h3>
                  <p>{t('pro.workshops.summary', { level: t(`pro.workshops.levels.${s.workshop.level}`), duration: s.workshop.durationMinutes, capacity: s.workshop.capacity })}</p>
                  <p>{t('pro.workshops.placement.works', { areas: s.areas.map(areaLabel).join(', ') })}</p>
                  <p>{t(s.levelFits ? 'pro.workshops.placement.levelFits' : 'pro.workshops.placement.levelBelow')}</p>
                  {(s.workshop.schedule || s.workshop.place) && <p>{t('pro.workshops.when', { schedule: s.workshop.schedule, place: s.workshop.place })}</p>}
                  <p class={s.full ? 'pro-placement__full' : undefined}>{s.full ? t('pro.workshops.placement.full') : t('pro.workshops.placement.placesLeft', { count: s.placesLeft })}</p>
                  {code !== undefined &&
                    (placedHere ? (
                      <p>{t('pro.workshops.placement.placed', { code })}</p>
                    ) : (
                      !s.full && (
                        <p class="pro-actions">
                          <button type="button" class="button button--secondary button--small" onClick={() => void place(s.workshop.id, s.workshop.title, s.workshop.capacity)}>
                            {t('pro.workshops.placement.place', { code, title: s.workshop.title })}
                          </button>
                        </p>
                      )
                    ))}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="pro-placement-places-title">
        <h2 id="pro-placement-places-title">{t('pro.workshops.placement.placesTitle')}</h2>
        {data.places.length === 0 ? (
          <p>{t('pro.workshops.placement.placesNone')}</p>
        ) : (
          <ul class="pro-cards" role="list">
            {data.places.map(({ place, reasons }) => (
              <li key={place.id} class="pro-card">
                <h3 class="pro-card__title">{place.nom}</h3>
                <p>{[place.adresse, [place.code_postal, place.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>
                {place.telephone && <p>{t('pro.places.phone', { phone: place.telephone })}</p>}
                {place.horaires && <p>{t('pro.places.hours', { hours: place.horaires })}</p>}
                <p>
                  {t('pro.workshops.placement.reasons', {
                    reasons: reasons.map((r) => (r.startsWith('langue:') ? t('pro.workshops.placement.speaks', { language: languageName(r.slice(7)) }) : r)).join(' · '),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
