import { useEffect, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import { LANGUAGE_CODE } from '../../core/problems.ts';
import { MODALITIES, PLACES_FILE, placeId, placesJson, placesOf, readPlaces, SERVICES, SPECIFIC_SUPPORT, type Place } from '../../core/places.ts';
import { PLACES_SETTING } from '../../core/setting-keys.ts';
import { useT } from '../i18n-context.ts';
import { downloadFile } from './download.ts';
import { openLocalData, type LocalData } from './local-data.ts';
import { AddButton, EditorFooter, ExportButton, FileImport, StatusLine, useListEditor, type FieldError } from './tools-parts.tsx';
import type { ToolsSectionProps } from './tools-props.ts';
import { DataInclusionImport } from './data-inclusion-import.tsx';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// Local places in the national standard's vocabulary: add, edit, delete; import a JSON file (the
// standard's fields, every problem listed, nothing changed unless the file is sound); export it;
// import the structures and services of data·inclusion (data-inclusion-import.tsx).
// Kept in clear in the settings store: the kiosk result names the places that fit.
// The standard's terms (services…) are French data values, shown as they are.

type Draft = {
  id?: string;
  nom: string;
  adresse: string;
  code_postal: string;
  commune: string;
  telephone: string;
  horaires: string;
  presentation_resume: string;
  services: string[];
  prise_en_charge_specifique: string[];
  modalites_accompagnement: string[];
  langues: string;
};
const EMPTY: Draft = {
  nom: '',
  adresse: '',
  code_postal: '',
  commune: '',
  telephone: '',
  horaires: '',
  presentation_resume: '',
  services: [],
  prise_en_charge_specifique: [],
  modalites_accompagnement: [],
  langues: '',
};
const TEXT_FIELDS = ['nom', 'adresse', 'code_postal', 'commune', 'telephone', 'horaires', 'presentation_resume'] as const;
const LISTS = [
  ['services', SERVICES],
  ['prise_en_charge_specifique', SPECIFIC_SUPPORT],
  ['modalites_accompagnement', MODALITIES],
] as const;

function draftOf(p: Place): Draft {
  return {
    id: p.id,
    nom: p.nom,
    adresse: p.adresse,
    code_postal: p.code_postal ?? '',
    commune: p.commune ?? '',
    telephone: p.telephone ?? '',
    horaires: p.horaires ?? '',
    presentation_resume: p.presentation_resume ?? '',
    services: [...p.services],
    prise_en_charge_specifique: [...p.prise_en_charge_specifique],
    modalites_accompagnement: [...p.modalites_accompagnement],
    langues: p.langues.join(', '),
  };
}

export default function PlacesSection({ local, download = downloadFile }: ToolsSectionProps) {
  const { t } = useT();
  const [store, setStore] = useState<LocalData | undefined>(local);
  const [places, setPlaces] = useState<Place[]>();
  const editor = useListEditor<Draft>(places !== undefined);
  const { draft, errors, status, confirming, heading, listHeading, formHeading, set } = editor;

  useEffect(() => {
    let live = true;
    void (async () => {
      const s = store ?? (await openLocalData());
      const stored = placesOf(await s.get(PLACES_SETTING));
      if (!live) return;
      setStore(s);
      setPlaces(stored);
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, []);

  if (!places || !store) {
    return <LoadingStatus />;
  }

  const save = async (next: Place[], message: string) => {
    const ok = await store.set(PLACES_SETTING, next);
    editor.setStatus(ok ? message : t('pro.places.storageFailed'));
    if (ok) setPlaces(next);
    return ok;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    const problems: FieldError[] = [];
    for (const field of ['nom', 'adresse'] as const) {
      if (!draft[field].trim()) problems.push({ field: `pro-place-${field}`, text: t('pro.places.errors.required', { field: t(`pro.places.fields.${field}`) }) });
    }
    if (draft.services.length === 0) problems.push({ field: 'pro-place-services', text: t('pro.places.errors.services') });
    const langues = draft.langues
      .split(/[,;\s]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (!langues.every((l) => LANGUAGE_CODE.test(l))) problems.push({ field: 'pro-place-langues', text: t('pro.places.errors.languages') });
    editor.setErrors(problems);
    if (problems.length > 0) return;
    const place: Place = {
      id: draft.id ?? placeId(draft.nom, places),
      nom: draft.nom.trim(),
      adresse: draft.adresse.trim(),
      services: SERVICES.filter((s) => draft.services.includes(s)),
      prise_en_charge_specifique: SPECIFIC_SUPPORT.filter((s) => draft.prise_en_charge_specifique.includes(s)),
      modalites_accompagnement: MODALITIES.filter((m) => draft.modalites_accompagnement.includes(m)),
      langues: [...new Set(langues)],
    };
    for (const field of ['code_postal', 'commune', 'telephone', 'horaires', 'presentation_resume'] as const) {
      const v = draft[field].trim();
      if (v) place[field] = v;
    }
    const next = draft.id ? places.map((p) => (p.id === draft.id ? place : p)) : [...places, place];
    if (await save(next, t('pro.places.saved', { name: place.nom }))) editor.close();
  };

  const remove = (p: Place) =>
    editor.remove(p.id, () =>
      save(
        places.filter((x) => x.id !== p.id),
        t('pro.places.deleted', { name: p.nom }),
      ),
    );

  return (
    <section class="pro pro-tools" aria-labelledby="pro-places-title">
      <h1 id="pro-places-title" tabIndex={-1} ref={heading}>
        {t('pro.places.title')}
      </h1>
      <p>{t('pro.places.intro')}</p>
      <StatusLine text={status} />

      <h2 id="pro-places-list" tabIndex={-1} ref={listHeading}>
        {t('pro.places.listTitle')}
      </h2>
      {places.length === 0 ? (
        <p>{t('pro.places.empty')}</p>
      ) : (
        <ul class="pro-cards" role="list">
          {places.map((p) => (
            <li key={p.id} class="pro-card">
              <h3 class="pro-card__title">{p.nom}</h3>
              <p>{[p.adresse, [p.code_postal, p.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>
              {p.telephone && <p>{t('pro.places.phone', { phone: p.telephone })}</p>}
              {p.horaires && <p>{t('pro.places.hours', { hours: p.horaires })}</p>}
              <p lang="fr">{[...p.services, ...p.prise_en_charge_specifique, ...p.modalites_accompagnement].join(' · ')}</p>
              {p.langues.length > 0 && <p>{t('pro.places.languages', { languages: p.langues.join(', ') })}</p>}
              <p class="pro-actions">
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => {
                    editor.open(draftOf(p));
                  }}
                >
                  {t('pro.places.edit', { name: p.nom })}
                </button>
                <button type="button" class="button button--danger button--small" onClick={() => void remove(p)}>
                  {t(confirming === p.id ? 'pro.places.confirmDelete' : 'pro.places.delete', { name: p.nom })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}

      {draft ? (
        <form class="pro-form pro-tools__form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pro-place-form-title">
          <h2 id="pro-place-form-title" tabIndex={-1} ref={formHeading}>
            {draft.id ? t('pro.places.editTitle', { name: draft.nom }) : t('pro.places.addTitle')}
          </h2>
          {TEXT_FIELDS.map((field) => (
            <div class="pro-field" key={field}>
              <label for={`pro-place-${field}`}>{t(`pro.places.fields.${field}`)}</label>
              {field === 'telephone' ? (
                <input id={`pro-place-${field}`} type="tel" {...editor.fieldProps(`pro-place-${field}`)} value={draft[field]} onInput={(e) => set({ [field]: e.currentTarget.value } as Partial<Draft>)} />
              ) : (
                <input id={`pro-place-${field}`} type="text" {...editor.fieldProps(`pro-place-${field}`)} value={draft[field]} onInput={(e) => set({ [field]: e.currentTarget.value } as Partial<Draft>)} />
              )}
            </div>
          ))}
          {LISTS.map(([field, terms]) => (
            <fieldset class="pro-field" key={field} id={`pro-place-${field}`} aria-describedby={editor.fieldProps(`pro-place-${field}`)['aria-describedby']}>
              <legend>{t(`pro.places.fields.${field}`)}</legend>
              {terms.map((term) => (
                <label key={term} class="pro-check" lang="fr">
                  <input
                    type="checkbox"
                    checked={draft[field].includes(term)}
                    onChange={(e) => set({ [field]: e.currentTarget.checked ? [...draft[field], term] : draft[field].filter((x) => x !== term) } as Partial<Draft>)}
                  />
                  {term}
                </label>
              ))}
            </fieldset>
          ))}
          <div class="pro-field">
            <label for="pro-place-langues">{t('pro.places.fields.langues')}</label>
            <p class="pro-field__hint" id="pro-place-langues-hint">
              {t('pro.places.fields.languesHint')}
            </p>
            <input id="pro-place-langues" type="text" {...editor.fieldProps('pro-place-langues', 'pro-place-langues-hint')} value={draft.langues} onInput={(e) => set({ langues: e.currentTarget.value })} />
          </div>
          <EditorFooter
            errors={errors}
            saveLabel={t('pro.places.save')}
            cancelLabel={t('pro.places.cancel')}
            onCancel={editor.close}
          />
        </form>
      ) : (
        <AddButton
          label={t('pro.places.add')}
          onAdd={() => editor.open({ ...EMPTY })}
        />
      )}

      <div class="pro-tools__files">
        <FileImport
          id="pro-places-import"
          label={t('pro.places.import')}
          hint={t('pro.places.importHint')}
          onText={async (text, name) => {
            const read = readPlaces(text, name);
            if (!read.ok) return { problems: read.problems, message: t('pro.places.importFailed') };
            const ok = await save(read.places, t('pro.places.imported', { count: read.places.length }));
            if (!ok) return { problems: [], message: t('pro.places.storageFailed') };
            return { problems: read.warnings, message: read.warnings.length ? t('pro.places.importWarnings') : '' };
          }}
        />
        <ExportButton id="pro-places-export" label={t('pro.places.export')} hint={t('pro.places.exportHint')} onExport={() => download({ name: PLACES_FILE, text: placesJson(places), type: 'application/json' })} />
      </div>
      <div class="pro-tools__files">
        <DataInclusionImport places={places} save={save} />
      </div>
    </section>
  );
}
