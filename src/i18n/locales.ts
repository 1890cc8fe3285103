/** The languages the site publishes. French is the original text. */
export const LOCALES = ['fr', 'en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Each language's name in that language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', ja: '日本語' };

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The locale of the page being rendered (Astro.currentLocale), or the default one. */
export function pageLocale(currentLocale: string | undefined): Locale {
  return isLocale(currentLocale) ? currentLocale : DEFAULT_LOCALE;
}
