/**
 * Filling a message: placeholders and plural forms. Small and free of the strings themselves, so
 * that the browser bundle imports it without the translations (the page carries its own locale's).
 */
import type { Message } from './define-messages.ts';
import type { UiKey } from './ui.ts';

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** A translator over given strings (the client gets its locale's strings in the page). */
export function translatorFor(strings: Partial<Record<string, Message>>, locale: string): Translate {
  const plurals = new Intl.PluralRules(locale);
  return (key, values = {}) => formatMessage(strings[key] ?? key, values, plurals);
}

export function formatMessage(message: Message, values: Record<string, string | number>, plurals: Intl.PluralRules): string {
  const count = Number(values['count']);
  const text = typeof message === 'string' ? message : (message[plurals.select(count) as keyof typeof message] ?? message.other);
  return fillPlaceholders(text, values);
}

export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
