import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { UI } from '../../src/i18n/ui.ts';
import { parseFenceMeta } from '../../src/integrations/remark-live-cells.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  it('have the same keys and placeholders in every locale', () => {
    const reference = UI.fr;
    for (const locale of LOCALES) {
      expect(Object.keys(UI[locale]).sort()).toEqual(Object.keys(reference).sort());
      for (const [key, text] of Object.entries(UI[locale])) {
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(reference[key as keyof typeof reference]));
      }
    }
  });
});

describe('translated articles', () => {
  const root = join(import.meta.dirname, '../../content/articles');
  const cellIds = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^```(\S+)\s+(.*)$/gm)]
      .map((match) => parseFenceMeta(match[2]))
      .filter((meta) => meta.live)
      .map((meta) => meta.id);
  const slugs = new Set(LOCALES.flatMap((locale) => readdirSync(join(root, locale)).filter((name) => name.endsWith('.mdx'))));

  it.each([...slugs])('%s exists in every locale with the same cell ids in the same order', (slug) => {
    const ids = LOCALES.map((locale) => cellIds(join(root, locale, slug)));
    for (const localeIds of ids) expect(localeIds).toEqual(ids[0]);
  });
});
