import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '../../core/index.ts';
import { formatProblem } from '../../i18n/problems.ts';
import { useT } from '../i18n-context.ts';

// Small pieces the workshop, places and observatory sections share.

/** A polite live region: what the last action did ("Atelier enregistré."). Always in the page, so it is announced. */
export function StatusLine({ text }: { text: string }) {
  return (
    <p class="pro-tools__status" role="status">
      {text}
    </p>
  );
}

/** The validator's problems, one a line: file, JSON path, what is wrong and the fix. */
export function ProblemLines({ problems }: { problems: readonly Problem[] }) {
  const { t } = useT();
  return (
    <ul class="pro-tools__problems">
      {problems.map((p, i) => (
        <li key={i}>{formatProblem(p, t)}</li>
      ))}
    </ul>
  );
}

export interface ImportOutcome {
  /** Problems that stopped the import (or warnings when it went through). */
  problems: readonly Problem[];
  /** What to say above them, when there are any, or when the import failed for another reason. */
  message: string;
}

/** A labelled file input for a JSON file; the problems of a refused file are listed under it, in an alert. */
export function FileImport({ id, label, hint, onText }: { id: string; label: string; hint: string; onText: (text: string, name: string) => Promise<ImportOutcome> }) {
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const change = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(await onText(await file.text(), file.name));
    input.value = '';
  };
  return (
    <div class="pro-field">
      <label for={id}>{label}</label>
      <p class="pro-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input id={id} type="file" accept="application/json,.json" aria-describedby={`${id}-hint`} onChange={(e) => void change(e)} />
      {outcome && (outcome.message || outcome.problems.length > 0) && (
        <div class="pro-tools__import-problems" role="alert">
          {outcome.message && <p>{outcome.message}</p>}
          <ProblemLines problems={outcome.problems} />
        </div>
      )}
    </div>
  );
}

/** What is wrong with a draft: a sentence, and the id of the field (input or fieldset) it is about. */
export interface FieldError {
  field: string;
  text: string;
}

interface EditorFooterProps {
  /** What is wrong with the draft, each as a sentence tied to its field; announced when it appears. */
  errors: FieldError[];
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}

/** The end of an editing form (a workshop, a place): what to fix, then "Enregistrer" and "Annuler". */
export function EditorFooter({ errors, saveLabel, cancelLabel, onCancel }: EditorFooterProps) {
  return (
    <>
      {errors.length > 0 && (
        <div class="question__error" role="alert">
          <ul>
            {errors.map((e, i) => (
              <li key={e.text} id={errors.findIndex((x) => x.field === e.field) === i ? `${e.field}-error` : undefined}>
                {e.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="pro-actions">
        <button type="submit" class="button button--primary">
          {saveLabel}
        </button>
        <button type="button" class="button button--tertiary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </p>
    </>
  );
}

/** "Ajouter …", under a list, when no form is open. */
export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <p class="pro-actions">
      <button type="button" class="button button--primary" onClick={onAdd}>
        {label}
      </button>
    </p>
  );
}

/** An export button with the sentence that says what the file contains. */
export function ExportButton({ id, label, hint, onExport }: { id: string; label: string; hint: string; onExport: () => void }) {
  return (
    <div class="pro-field">
      <button type="button" class="button button--secondary" aria-describedby={`${id}-hint`} onClick={onExport}>
        {label}
      </button>
      <p class="pro-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/**
 * The state of a list edited in a form (the workshop catalogue, the local places): the open draft
 * and what to fix in it, the status line, the item awaiting a second press to delete, and the
 * three headings the focus moves between (the section's once loaded, the form's when it opens, the
 * list's when it closes).
 */
export function useListEditor<D extends object>(loaded: boolean) {
  const [draft, setDraft] = useState<D>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  // The heading takes the focus once the section has loaded (RGAA 12.8).
  useLayoutEffect(() => heading.current?.focus(), [loaded]);
  useLayoutEffect(() => {
    if (draft) formHeading.current?.focus();
  }, [draft === undefined]);
  const close = () => {
    setDraft(undefined);
    listHeading.current?.focus();
  };
  return {
    draft,
    errors,
    setErrors,
    status,
    setStatus,
    confirming,
    heading,
    listHeading,
    formHeading,
    /** Opens the form on a new or existing item. */
    open: (next: D) => {
      setErrors([]);
      setDraft(next);
    },
    close,
    /**
     * The attributes that tie a field to what is wrong with it: aria-invalid, and its error among
     * what describes it (after `hint`, the id of its own hint if it has one).
     */
    fieldProps: (id: string, hint?: string) => {
      const wrong = errors.some((e) => e.field === id);
      const describedBy = [hint, wrong ? `${id}-error` : undefined].filter(Boolean).join(' ');
      return { 'aria-invalid': wrong ? ('true' as const) : undefined, 'aria-describedby': describedBy || undefined };
    },
    /** Changes fields of the open draft. */
    set: (patch: Partial<D>) => setDraft((d) => (d ? { ...d, ...patch } : d)),
    /** A first press asks for confirmation; the second deletes, then the focus returns to the list. */
    remove: async (id: string, erase: () => Promise<unknown>) => {
      if (confirming !== id) return setConfirming(id);
      setConfirming(undefined);
      await erase();
      listHeading.current?.focus();
    },
  };
}
