/**
 * Every interface string, per locale: the areas of messages/ merged (add an area: one file and one
 * line in AREAS). Placeholders look like {name}; plural forms are picked by {count}. A unit test
 * checks that the published locales have every key, with the same placeholders.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import type { Message } from './define-messages.ts';
import { translatorFor, type Translate } from './format.ts';

export { fillPlaceholders, formatMessage, translatorFor, type Translate } from './format.ts';
import cell from './messages/cell.ts';
import error from './messages/error.ts';
import figure from './messages/figure.ts';
import hardening from './messages/hardening.ts';
import notebook from './messages/notebook.ts';
import offline from './messages/offline.ts';
import session from './messages/session.ts';
import site from './messages/site.ts';
import edition from './messages/edition.ts';
import explorers from './messages/explorers.ts';
import reading from './messages/reading.ts';

const AREAS = [site, cell, session, error, figure, notebook, edition, hardening, reading, offline, explorers] as const;

type KeysOf<Area> = Area extends { fr: Record<infer Keys, Message> } ? Keys : never;
export type UiKey = KeysOf<(typeof AREAS)[number]>;
export type UiStrings = Record<UiKey, Message>;

/** The strings each locale declares (possibly not all of them). */
export const DECLARED: Record<Locale, Partial<UiStrings>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...AREAS.map((area) => (area as Partial<Record<Locale, object>>)[locale] ?? {}))]),
) as Record<Locale, Partial<UiStrings>>;

/** Every string of `locale`, with French where it has none. */
export function uiStrings(locale: Locale): UiStrings {
  return { ...(DECLARED[DEFAULT_LOCALE] as UiStrings), ...DECLARED[locale] };
}

export const UI: Record<Locale, UiStrings> = Object.fromEntries(LOCALES.map((locale) => [locale, uiStrings(locale)])) as Record<
  Locale,
  UiStrings
>;

/** The strings of one locale with `{placeholder}` filling and plural forms. */
export function translator(locale: Locale): Translate {
  return translatorFor(UI[locale], locale);
}
