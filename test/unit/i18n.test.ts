import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { UI } from '../../src/i18n/ui.ts';

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
