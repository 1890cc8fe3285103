/**
 * Interface strings are declared by area (messages/*.ts), French first: French is the reference
 * language of the site, every key exists in French, and a locale that lacks a key falls back to it.
 */
import type { Locale } from './locales.ts';

/** Plural forms, chosen with Intl.PluralRules from the `count` value; `other` is required. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Text with `{placeholders}`, or plural forms of it. */
export type Message = string | PluralMessage;

export type AreaMessages<Keys extends string> = { fr: Record<Keys, Message> } & {
  [L in Exclude<Locale, 'fr'>]?: Partial<Record<Keys, Message>>;
};

export function defineMessages<const Keys extends string>(messages: AreaMessages<Keys>): AreaMessages<Keys> {
  return messages;
}
