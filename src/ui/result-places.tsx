import { useT } from './i18n-context.ts';
import { frenchPhone, hoursInWords, telHref } from './place-words.ts';
import type { SharedPlace } from './result-link.ts';
import { fill, Ltr, marker } from './rich-text.tsx';

// « Près d'ici »: the places a result names, in plain words. The name and address stay as the
// structure wrote them (in French: lang="fr" when the screen is in another language), isolated left to
// right so that Arabic does not reverse their numbers; the hours become sentences of the person's
// language (or stay as written, isolated, when they are not in the weekly format); the phone is
// grouped the French way and dials the number as stored.

export function ResultPlaces({ places }: { places: SharedPlace[] }) {
  const { t } = useT();
  if (places.length === 0) return null;
  return (
    <section class="result__section result__places" aria-labelledby="places-title">
      <h2 id="places-title">{t('ui.result.placesTitle')}</h2>
      <p>{t('ui.result.placesText')}</p>
      <ul class="steps places" role="list">
        {places.map((place) => (
          <PlaceCard key={`${place.nom}|${place.adresse ?? ''}`} place={place} />
        ))}
      </ul>
    </section>
  );
}

function PlaceCard({ place }: { place: SharedPlace }) {
  const { t, language } = useT();
  const french = language === 'fr' || language.startsWith('fr-') ? undefined : 'fr';
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  const address = [place.adresse, town].filter(Boolean).join(', ');
  const hours = place.horaires ? hoursInWords(place.horaires, t, language) : undefined;
  return (
    <li class="next-step next-step--place">
      <h3 class="next-step__title" lang={french}>
        {place.nom}
      </h3>
      {address && (
        <p class="next-step__text place__address">
          <Ltr lang={french}>{address}</Ltr>
        </p>
      )}
      {place.horaires && (
        <p class="next-step__text place__hours">
          {fill(t('ui.result.placeHours', { hours: marker('hours') }), {
            hours: hours ? (
              <>
                {hours.sentences.join(' ')}
                {hours.comment && (
                  <>
                    {' '}
                    <span lang={french}>{hours.comment}</span>
                  </>
                )}
              </>
            ) : (
              <Ltr>{place.horaires}</Ltr>
            ),
          })}
        </p>
      )}
      {place.telephone && (
        <p class="next-step__contact">
          <a href={telHref(place.telephone)}>{fill(t('ui.result.phone', { phone: marker('phone') }), { phone: <Ltr>{frenchPhone(place.telephone)}</Ltr> })}</a>
        </p>
      )}
    </li>
  );
}
