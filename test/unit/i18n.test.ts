import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { DECLARED, translatorFor, uiStrings, type UiKey } from '../../src/i18n/ui.ts';
import type { Message } from '../../src/i18n/define-messages.ts';
import { formatControlValue } from '../../src/runtime/format-result.ts';

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message: Message) =>
  [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('interface strings', () => {
  it('exist in every published locale for every key, with the same placeholders as the French', () => {
    const reference = DECLARED.fr;
    for (const locale of LOCALES) {
      expect(Object.keys(DECLARED[locale]).sort(), locale).toEqual(Object.keys(reference).sort());
      for (const [key, message] of Object.entries(DECLARED[locale])) {
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(reference[key as UiKey] ?? ''));
      }
    }
  });

  it('fall back to French for a key a locale lacks', () => {
    const partial = translatorFor({ 'cell.run': 'Ausführen' }, 'de');
    expect(partial('cell.run')).toBe('Ausführen');
    const withFallback = translatorFor({ ...uiStrings('fr'), 'cell.run': 'Ausführen' }, 'de');
    expect(withFallback('cell.stop')).toBe(uiStrings('fr')['cell.stop']);
  });

  it('pick plural forms with the rules of the page’s language', () => {
    const strings = { 'session.sharedLoaded': { one: '{count} cell', other: '{count} cells' } };
    expect(translatorFor(strings, 'en')('session.sharedLoaded', { count: 1 })).toBe('1 cell');
    expect(translatorFor(strings, 'en')('session.sharedLoaded', { count: 0 })).toBe('0 cells');
    // French counts 0 and 1 as singular.
    expect(
      translatorFor({ 'session.sharedLoaded': { one: '{count} cellule', other: '{count} cellules' } }, 'fr')('session.sharedLoaded', {
        count: 0,
      }),
    ).toBe('0 cellule');
  });
});

describe('a control’s value in a sentence', () => {
  // As live-control.ts and Control.astro write it.
  const formatValue = formatControlValue;

  it('is written as the page’s language writes numbers, and a text as it is', () => {
    expect(formatValue(0.01, 'fr')).toBe('0,01');
    expect(formatValue(1000, 'fr')).toBe('1\u202f000');
    expect(formatValue(1000, 'en')).toBe('1,000');
    expect(formatValue(0.001, 'ja')).toBe('0.001');
    expect(formatValue('relu', 'fr')).toBe('relu');
  });
});
