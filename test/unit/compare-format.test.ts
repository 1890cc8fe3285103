/**
 * The article's numbers beside the reader's in one notation (<Compare>): the page's language, the
 * same number of significant digits, and the difference as the reader would subtract by eye.
 */
import { describe, expect, it } from 'vitest';
import { decimalsFor, formatDifference, formatNumber, formatResult, resultFormatOf } from '../../src/runtime/format-result.ts';
import { templateParts } from '../../src/components/edition/template-parts.ts';
import { formatDate } from '../../src/components/edition/format-date.ts';

const number = (value: number) => ({ kind: 'number' as const, value });
// Intl writes French groups with a narrow no-break space and decimals with a comma.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2212/g, '-');

describe('a comparison with the article, per locale', () => {
  it('writes both values with the same significant digits, in the page’s notation', () => {
    const cases: Array<[string, string, string]> = [
      ['fr', '0,9156', '0,9128'],
      ['en', '0.9156', '0.9128'],
      ['ja', '0.9156', '0.9128'],
    ];
    for (const [locale, reader, article] of cases) {
      expect(formatResult(number(0.915599), locale, { significant: 4 }), locale).toBe(reader);
      expect(formatNumber(Number('0.9128'), locale, { significant: 4 }), locale).toBe(article);
    }
  });

  it('reads the author’s notation, scientific or not, into the same notation as the reader’s', () => {
    expect(formatNumber(Number('9.96997833e-01'), 'fr', { significant: 4 })).toBe('0,9970');
    expect(formatResult(number(0.99820245), 'fr', { significant: 4 })).toBe('0,9982');
    expect(plain(formatNumber(Number('23026.0'), 'fr', { significant: 5 }))).toBe('23 026');
    expect(plain(formatResult(number(23025.8515625), 'fr', { significant: 5 }))).toBe('23 026');
    expect(formatNumber(Number('3089.6'), 'en', { significant: 5 })).toBe('3,089.6');
    expect(formatNumber(Number('3089.6'), 'ja', { significant: 5 })).toBe('3,089.6');
    expect(plain(formatNumber(Number('-0.23017341'), 'fr', { significant: 2 }))).toBe('-0,23');
  });

  it('keeps trailing zeros, so that two values line up digit for digit', () => {
    expect(formatResult(number(0.998), 'en', { significant: 4 })).toBe('0.9980');
    // <Result>'s notation, decimals at most, drops them.
    expect(formatResult(number(0.998), 'en', 4)).toBe('0.998');
  });

  it('signs the difference, with the decimals the values show, in the page’s notation', () => {
    expect(formatDifference(0.9156, 0.9128, 'fr', 4)).toBe('+0,0028');
    expect(formatDifference(0.9156, 0.9128, 'en', 4)).toBe('+0.0028');
    expect(plain(formatDifference(0.9094, 0.9128, 'en', 4))).toBe('-0.0034');
    expect(formatDifference(0.91281, 0.9128, 'ja', 4)).toBe('0.0000');
    expect(plain(formatDifference(2960.635, 3089.6, 'fr', 5))).toBe('-129,0');
    // The difference of the values as shown: 0.91565 shows as 0.9157, 0.9157 - 0.9128 = 0.0029.
    expect(formatDifference(0.91566, 0.9128, 'en', 4)).toBe('+0.0029');
  });

  it('counts the decimals a value shows at a number of significant digits', () => {
    expect(decimalsFor(0.9128, 4)).toBe(4);
    expect(decimalsFor(23026, 5)).toBe(0);
    expect(decimalsFor(3089.6, 5)).toBe(1);
    expect(decimalsFor(-0.23017341, 2)).toBe(2);
    expect(decimalsFor(9.96997833e-1, 4)).toBe(4);
  });
});

describe('the notation an element asks for', () => {
  it('is data-significant when present, else data-digits, else four decimals', () => {
    expect(resultFormatOf({ significant: '5', digits: '1' })).toEqual({ significant: 5 });
    expect(resultFormatOf({ digits: '2' })).toEqual({ digits: 2 });
    expect(resultFormatOf({})).toEqual({ digits: 4 });
    expect(resultFormatOf({ significant: 'many', digits: '' })).toEqual({ digits: 4 });
  });
});

describe('messages with elements in them', () => {
  it('are cut at their placeholders, in the order the translation puts them', () => {
    expect(templateParts('{reader} — l’article : {article}')).toEqual([
      { kind: 'placeholder', name: 'reader' },
      { kind: 'text', text: ' — l’article : ' },
      { kind: 'placeholder', name: 'article' },
    ]);
    expect(templateParts('{reader}（記事では{article}）').map((part) => (part.kind === 'text' ? part.text : `<${part.name}>`))).toEqual([
      '<reader>',
      '（記事では',
      '<article>',
      '）',
    ]);
  });
});

describe('front-matter dates', () => {
  it('read as calendar days in the page’s language, whatever the machine’s time zone', () => {
    const published = new Date('2016-03-06');
    expect(formatDate(published, 'fr')).toBe('6 mars 2016');
    expect(formatDate(published, 'en')).toBe('March 6, 2016');
    expect(formatDate(published, 'ja')).toBe('2016年3月6日');
  });
});
