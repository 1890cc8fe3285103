/** Reads the interface strings the server rendered into the page (see SessionControls.astro). */
import { translatorFor, type Translate } from '../i18n/format.ts';

export type { Translate } from '../i18n/format.ts';

export function readUiStrings(root: ParentNode = document): Translate {
  const element = root.querySelector('script[data-ui-strings]');
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(element?.textContent ?? '{}') as Record<string, string>;
  } catch {
    // A broken page still works, with keys shown instead of words.
  }
  return translatorFor(strings, document.documentElement.lang || 'fr');
}
