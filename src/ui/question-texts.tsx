import type { LocaleTree, Question } from '../core/index.ts';
import { hasLocaleText, localeText } from './questionnaire-loader.ts';
import { Breakable, Ltr, RichText } from './rich-text.tsx';

// A question's own texts beyond its heading, as its questionnaire writes them (questionnaires/README.md):
// an optional `hint` under the question, and for an info screen its `body` text and its `links`
// (addresses in questionnaire.json, their words in questions.<id>.links.<link id>).

/** An info screen's links, as the format declares them. */
function linksOf(question: Question): readonly { id: string; link: string }[] {
  return question.kind === 'info' ? (question.links ?? []) : [];
}

/** The texts a question shows under its heading, in reading order, each with its key (for read-aloud and recordings). */
export function questionTexts(question: Question, tree: LocaleTree | undefined): { key: string; text: string }[] {
  const own = (name: string) => (hasLocaleText(tree, 'questions', question.id, name) ? [{ key: `questions.${question.id}.${name}`, text: localeText(tree, 'questions', question.id, name) }] : []);
  return [
    ...own('hint'),
    ...own('body'),
    ...linksOf(question).map((l) => ({ key: `questions.${question.id}.links.${l.id}`, text: localeText(tree, 'questions', question.id, 'links', l.id) })),
  ];
}

/** The element ids of the texts that describe the question (its hint and body), for aria-describedby. */
export function describedByTexts(question: Question, tree: LocaleTree | undefined, id: string): string[] {
  return (['hint', 'body'] as const).filter((name) => hasLocaleText(tree, 'questions', question.id, name)).map((name) => `${id}-${name === 'hint' ? 'hint-text' : name}`);
}

export function QuestionTexts({ question, tree, id }: { question: Question; tree: LocaleTree | undefined; id: string }) {
  const has = (name: string) => hasLocaleText(tree, 'questions', question.id, name);
  const links = linksOf(question);
  return (
    <>
      {has('hint') && (
        <p id={`${id}-hint-text`} class="question__note">
          <RichText text={localeText(tree, 'questions', question.id, 'hint')} />
        </p>
      )}
      {has('body') && (
        <p id={`${id}-body`} class="question__body prose">
          <RichText text={localeText(tree, 'questions', question.id, 'body')} />
        </p>
      )}
      {links.length > 0 && (
        <ul class="question__links" role="list">
          {links.map((l) => (
            <li key={l.id}>
              <a href={l.link} rel="noopener noreferrer" target="_blank" class="question__link">
                <RichText text={localeText(tree, 'questions', question.id, 'links', l.id)} />
              </a>{' '}
              <span class="question__link-address">
                <Ltr>
                  <Breakable text={l.link.replace(/^https:\/\//, '').replace(/\/$/, '')} />
                </Ltr>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
