import { describe, expect, it } from 'vitest';
import { preferredLocale } from '../../src/client/pick-language.ts';

describe('preferredLocale', () => {
  it('takes the first preferred language the site publishes', () => {
    expect(preferredLocale(['de-DE', 'ja-JP', 'en'])).toBe('ja');
    expect(preferredLocale(['en-GB', 'fr'])).toBe('en');
  });

  it('falls back to French, the original', () => {
    expect(preferredLocale(['de', 'es'])).toBe('fr');
    expect(preferredLocale([])).toBe('fr');
  });
});
