// Pictograms are drawn in the page (inline SVG from questionnaires/index.json): the build lets
// through drawing only, and says which file holds what else, and what to do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawingOf } from '../../src/core/pictograms.ts';
import { formatPictogramProblem, readPictograms } from '../../scripts/pictogram-files.ts';
import { QUESTIONNAIRES_DIR, questionnaireFolders, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

const SMILE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" fill="none" stroke="#1b3a5c"><circle cx="32" cy="32" r="20"/><path d="M24 38q8 6 16 0"/></svg>';

describe('a pictogram drawn in the page', () => {
  it('keeps the drawing of every shipped pictogram, its size left to the page', () => {
    let count = 0;
    for (const folder of questionnaireFolders(QUESTIONNAIRES_DIR)) {
      const names = readQuestionnaireFolder(folder).pictograms;
      const { drawings, problems } = readPictograms(folder, names);
      expect(problems).toEqual([]);
      expect(Object.keys(drawings).sort()).toEqual([...names].sort());
      for (const name of names) {
        const source = readFileSync(join(folder, 'pictograms', `${name}.svg`), 'utf8');
        // The same shapes, in the same order.
        expect(drawings[name]?.match(/<(path|circle|rect|line|polyline|polygon|ellipse)\b/g)).toEqual(source.match(/<(path|circle|rect|line|polyline|polygon|ellipse)\b/g));
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(drawingOf(`<?xml version="1.0"?>\n<!-- drawn by hand -->\n${SMILE}\n`)).toEqual({
      ok: true,
      markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" fill="none" stroke="#1b3a5c"><circle cx="32" cy="32" r="20"/><path d="M24 38q8 6 16 0"/></svg>',
    });
  });

  it.each([
    ['a script', SMILE.replace('</svg>', '<script>alert(1)</script></svg>'), 'pictogram.element', 'script'],
    ['an event attribute', SMILE.replace('<circle', '<circle onload="alert(1)"'), 'pictogram.attribute', 'onload'],
    ['a link', SMILE.replace('</svg>', '<use href="https://example.org/x.svg#a"/></svg>'), 'pictogram.element', 'use'],
    ['an image', SMILE.replace('</svg>', '<image href="data:image/png;base64,AAAA"/></svg>'), 'pictogram.element', 'image'],
    ['foreign content', SMILE.replace('</svg>', '<foreignObject><p>x</p></foreignObject></svg>'), 'pictogram.element', 'foreignObject'],
    ['a style attribute', SMILE.replace('<circle', '<circle style="fill:red"'), 'pictogram.attribute', 'style'],
    ['a style sheet', SMILE.replace('</svg>', '<style>body{display:none}</style></svg>'), 'pictogram.element', 'style'],
    ['an id (it would clash in the page)', SMILE.replace('<circle', '<circle id="face"'), 'pictogram.attribute', 'id'],
    ['text', SMILE.replace('</svg>', 'Bonjour</svg>'), 'pictogram.text', 'Bonjour'],
    ['a DOCTYPE', `<!DOCTYPE svg>${SMILE}`, 'pictogram.text', '<!DOCTYPE svg>'],
    ['no viewBox', SMILE.replace(' viewBox="0 0 64 64"', ''), 'pictogram.root', undefined],
    ['two drawings', SMILE + SMILE, 'pictogram.root', undefined],
    ['an unclosed element', SMILE.replace('</svg>', '<g>'), 'pictogram.nesting', 'g'],
  ])('refuses %s', (_what, text, code, named) => {
    const result = drawingOf(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    if (named) expect(Object.values(result.problem.params).join(' ')).toContain(named);
  });

  it('names the file, what is wrong and the fix', () => {
    const result = drawingOf(SMILE.replace('<circle', '<circle onclick="steal()"'));
    if (result.ok) throw new Error('accepted');
    expect(formatPictogramProblem('questionnaires/x/pictograms/visage.svg', result.problem)).toBe(
      "questionnaires/x/pictograms/visage.svg : l'attribut onclick de <circle> n'est pas permis : un pictogramme ne fait que dessiner (ni script, ni lien, ni style, ni identifiant). Retirez-le, ou mettez la couleur dans fill et stroke.",
    );
    expect(formatPictogramProblem('questionnaires/x/pictograms/visage.svg', result.problem, 'en')).toContain('the onclick attribute of <circle> is not allowed');
  });
});
