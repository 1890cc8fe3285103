/**
 * The root page sends readers to their language: the first of the browser's preferred languages
 * that the site publishes, else French, the original. `/?stay` keeps the language list.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales.ts';

export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
