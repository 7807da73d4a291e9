import { useEffect, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import { CATALOGUE_SETTING } from '../../core/setting-keys.ts';
import {
  assignedCounts,
  CAPACITY_RANGE,
  CATALOGUE_FILE,
  catalogueJson,
  catalogueOf,
  DURATION_RANGE,
  readCatalogue,
  WORKSHOP_LEVELS,
  workshopId,
  type Catalogue,
  type Workshop,
  type WorkshopLevel,
} from '../../core/workshops.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { downloadFile } from './download.ts';
import { AddButton, EditorFooter, ExportButton, FileImport, StatusLine, useListEditor, type FieldError } from './tools-parts.tsx';
import { openLocalData, type LocalData } from './local-data.ts';
import { loadRoster, type ToolsSectionProps } from './tools-props.ts';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// The workshop catalogue: add, edit, delete; import a JSON file (every problem listed, nothing
// changed unless the whole file is sound); export it. Kept in clear in the settings store: a
// catalogue is about no one. Keyboard: native buttons, fields and file input, in reading order;
// the form's heading takes the focus when it opens, the list's when it closes.

type Draft = { id?: string; title: string; areas: string[]; level: WorkshopLevel; duration: string; place: string; schedule: string; capacity: string };
const EMPTY: Draft = { title: '', areas: [], level: 'debutant', duration: '90', place: '', schedule: '', capacity: '8' };

export async function loadCatalogue(local: LocalData): Promise<Catalogue> {
  return catalogueOf(await local.get(CATALOGUE_SETTING));
}

export default function WorkshopsSection({ vault, questionnaire, download = downloadFile, local }: ToolsSectionProps) {
  const { t, language } = useT();
  const texts = questionnaire.locales[language] ?? Object.values(questionnaire.locales)[0];
  const areaLabel = (id: string) => localeText(texts, 'areas', id, 'label');
  const [store, setStore] = useState<LocalData | undefined>(local);
  const [catalogue, setCatalogue] = useState<Catalogue>();
  const [counts, setCounts] = useState<Map<string, number>>(new Map());
  const editor = useListEditor<Draft>(catalogue !== undefined);
  const { draft, errors, status, confirming, heading, listHeading, formHeading, set } = editor;

  useEffect(() => {
    let live = true;
    void (async () => {
      const s = store ?? (await openLocalData());
      const [c, roster] = await Promise.all([loadCatalogue(s), loadRoster(vault, questionnaire.questionnaire.id)]);
      if (!live) return;
      setStore(s);
      setCatalogue(c);
      setCounts(assignedCounts(roster));
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, []);

  if (!catalogue || !store) {
    return <LoadingStatus />;
  }

  const save = async (next: Catalogue, message: string): Promise<boolean> => {
    const ok = await store.set(CATALOGUE_SETTING, next);
    editor.setStatus(ok ? message : t('pro.workshops.storageFailed'));
    if (ok) setCatalogue(next);
    return ok;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    const problems: FieldError[] = [];
    const wrong = (field: string, text: string) => problems.push({ field, text });
    if (!draft.title.trim()) wrong('pro-workshop-title', t('pro.workshops.errors.required', { field: t('pro.workshops.fields.title') }));
    if (draft.areas.length === 0) wrong('pro-workshop-areas', t('pro.workshops.errors.areas'));
    const duration = Number(draft.duration);
    const capacity = Number(draft.capacity);
    if (!Number.isInteger(duration) || duration < DURATION_RANGE.min || duration > DURATION_RANGE.max) {
      wrong('pro-workshop-duration', t('pro.workshops.errors.range', { field: t('pro.workshops.fields.duration'), ...DURATION_RANGE }));
    }
    if (!Number.isInteger(capacity) || capacity < CAPACITY_RANGE.min || capacity > CAPACITY_RANGE.max) {
      wrong('pro-workshop-capacity', t('pro.workshops.errors.range', { field: t('pro.workshops.fields.capacity'), ...CAPACITY_RANGE }));
    }
    editor.setErrors(problems);
    if (problems.length > 0) return;
    const workshop: Workshop = {
      id: draft.id ?? workshopId(draft.title, catalogue),
      title: draft.title.trim(),
      areas: draft.areas as Workshop['areas'],
      level: draft.level,
      durationMinutes: duration,
      place: draft.place.trim(),
      schedule: draft.schedule.trim(),
      capacity,
    };
    const workshops = draft.id ? catalogue.workshops.map((w) => (w.id === draft.id ? workshop : w)) : [...catalogue.workshops, workshop];
    if (await save({ workshops }, t('pro.workshops.saved', { title: workshop.title }))) editor.close();
  };

  const remove = (w: Workshop) => editor.remove(w.id, () => save({ workshops: catalogue.workshops.filter((x) => x.id !== w.id) }, t('pro.workshops.deleted', { title: w.title })));

  const levelLabel = (l: WorkshopLevel) => t(`pro.workshops.levels.${l}`);

  return (
    <section class="pro pro-tools" aria-labelledby="pro-workshops-title">
      <h1 id="pro-workshops-title" tabIndex={-1} ref={heading}>
        {t('pro.workshops.title')}
      </h1>
      <p>{t('pro.workshops.intro')}</p>
      <StatusLine text={status} />

      <h2 id="pro-workshops-list" tabIndex={-1} ref={listHeading}>
        {t('pro.workshops.listTitle')}
      </h2>
      {catalogue.workshops.length === 0 ? (
        <p>{t('pro.workshops.empty')}</p>
      ) : (
        <ul class="pro-cards" role="list">
          {catalogue.workshops.map((w) => (
            <li key={w.id} class="pro-card">
              <h3 class="pro-card__title">{w.title}</h3>
              <p>{t('pro.workshops.summary', { level: levelLabel(w.level), duration: w.durationMinutes, capacity: w.capacity })}</p>
              <p>{t('pro.workshops.areasOf', { areas: w.areas.map(areaLabel).join(', ') })}</p>
              {(w.schedule || w.place) && <p>{t('pro.workshops.when', { schedule: w.schedule, place: w.place })}</p>}
              <p>{t('pro.workshops.taken', { count: counts.get(w.id) ?? 0, capacity: w.capacity })}</p>
              <p class="pro-actions">
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => {
                    editor.open({ id: w.id, title: w.title, areas: [...w.areas], level: w.level, duration: String(w.durationMinutes), place: w.place, schedule: w.schedule, capacity: String(w.capacity) });
                  }}
                >
                  {t('pro.workshops.edit', { title: w.title })}
                </button>
                <button type="button" class="button button--danger button--small" onClick={() => void remove(w)}>
                  {t(confirming === w.id ? 'pro.workshops.confirmDelete' : 'pro.workshops.delete', { title: w.title })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}

      {draft ? (
        <form class="pro-form pro-tools__form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pro-workshop-form-title">
          <h2 id="pro-workshop-form-title" tabIndex={-1} ref={formHeading}>
            {draft.id ? t('pro.workshops.editTitle', { title: draft.title }) : t('pro.workshops.addTitle')}
          </h2>
          <div class="pro-field">
            <label for="pro-workshop-title">{t('pro.workshops.fields.title')}</label>
            <input id="pro-workshop-title" type="text" {...editor.fieldProps('pro-workshop-title')} value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} />
          </div>
          <fieldset class="pro-field" id="pro-workshop-areas" aria-describedby={editor.fieldProps('pro-workshop-areas')['aria-describedby']}>
            <legend>{t('pro.workshops.fields.areas')}</legend>
            {questionnaire.questionnaire.areas.map((area) => (
              <label key={area} class="pro-check">
                <input
                  type="checkbox"
                  checked={draft.areas.includes(area)}
                  onChange={(e) => set({ areas: e.currentTarget.checked ? [...draft.areas, area] : draft.areas.filter((a) => a !== area) })}
                />
                {areaLabel(area)}
              </label>
            ))}
          </fieldset>
          <fieldset class="pro-field">
            <legend>{t('pro.workshops.fields.level')}</legend>
            {WORKSHOP_LEVELS.map((level) => (
              <label key={level} class="pro-check">
                <input type="radio" name="pro-workshop-level" checked={draft.level === level} onChange={() => set({ level })} />
                {levelLabel(level)}
              </label>
            ))}
          </fieldset>
          <div class="pro-field">
            <label for="pro-workshop-duration">{t('pro.workshops.fields.duration')}</label>
            <input id="pro-workshop-duration" type="number" {...editor.fieldProps('pro-workshop-duration')} inputMode="numeric" min={DURATION_RANGE.min} max={DURATION_RANGE.max} value={draft.duration} onInput={(e) => set({ duration: e.currentTarget.value })} />
          </div>
          <div class="pro-field">
            <label for="pro-workshop-capacity">{t('pro.workshops.fields.capacity')}</label>
            <input id="pro-workshop-capacity" type="number" {...editor.fieldProps('pro-workshop-capacity')} inputMode="numeric" min={CAPACITY_RANGE.min} max={CAPACITY_RANGE.max} value={draft.capacity} onInput={(e) => set({ capacity: e.currentTarget.value })} />
          </div>
          <div class="pro-field">
            <label for="pro-workshop-schedule">{t('pro.workshops.fields.schedule')}</label>
            <input id="pro-workshop-schedule" type="text" value={draft.schedule} onInput={(e) => set({ schedule: e.currentTarget.value })} />
          </div>
          <div class="pro-field">
            <label for="pro-workshop-place">{t('pro.workshops.fields.place')}</label>
            <input id="pro-workshop-place" type="text" value={draft.place} onInput={(e) => set({ place: e.currentTarget.value })} />
          </div>
          <EditorFooter
            errors={errors}
            saveLabel={t('pro.workshops.save')}
            cancelLabel={t('pro.workshops.cancel')}
            onCancel={editor.close}
          />
        </form>
      ) : (
        <AddButton
          label={t('pro.workshops.add')}
          onAdd={() => editor.open({ ...EMPTY })}
        />
      )}

      <div class="pro-tools__files">
        <FileImport
          id="pro-workshops-import"
          label={t('pro.workshops.import')}
          hint={t('pro.workshops.importHint')}
          onText={async (text, name) => {
            const read = readCatalogue(text, { areas: questionnaire.questionnaire.areas }, name);
            if (!read.ok) return { problems: read.problems, message: t('pro.workshops.importFailed') };
            const ok = await save(read.catalogue, t('pro.workshops.imported', { count: read.catalogue.workshops.length }));
            return { problems: [], message: ok ? '' : t('pro.workshops.storageFailed') };
          }}
        />
        <ExportButton id="pro-workshops-export" label={t('pro.workshops.export')} hint={t('pro.workshops.exportHint')} onExport={() => download({ name: CATALOGUE_FILE, text: catalogueJson(catalogue), type: 'application/json' })} />
      </div>
    </section>
  );
}
