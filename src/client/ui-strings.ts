/** Reads the interface strings the server rendered into the page (see SessionControls.astro). */
import { fillPlaceholders, type UiKey, type UiStrings } from '../i18n/ui.ts';

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

export function readUiStrings(root: ParentNode = document): Translate {
  const element = root.querySelector('script[data-ui-strings]');
  let strings: Partial<UiStrings> = {};
  try {
    strings = JSON.parse(element?.textContent ?? '{}') as Partial<UiStrings>;
  } catch {
    // A broken page still works, with keys shown instead of words.
  }
  return (key, values = {}) => fillPlaceholders(strings[key] ?? key, values);
}
