/**
 * <live-control>: a control bound to a session variable (Control.astro). The slider (or select) and
 * its number box stay in step; the page session hears every change and decides what re-runs.
 */
import { formatControlValue } from '../runtime/format-result.ts';
import type { Translate } from './ui-strings.ts';

export class LiveControlElement extends HTMLElement {
  get node(): string {
    return this.dataset['node'] ?? '';
  }

  get name(): string {
    return this.dataset['control'] ?? '';
  }

  /** The value the cells read: a number when the control holds one. */
  get value(): number | string {
    const raw = this.#input()?.value ?? this.dataset['default'] ?? '';
    const number = Number(raw);
    return raw.trim() !== '' && Number.isFinite(number) ? number : raw;
  }

  connect(onChange: (value: number | string) => void, t: Translate): void {
    const input = this.#input();
    const box = this.querySelector<HTMLInputElement>('[data-control-number]');
    for (const element of [input, box]) if (element) element.disabled = false;
    const changed = (from: HTMLInputElement | HTMLSelectElement): void => {
      if (from === box && input) input.value = box.value;
      if (from === input && box) box.value = input.value;
      const note = this.querySelector('[data-control-note]');
      const value = this.value;
      if (note) {
        // In the page's language, as the build wrote the article's value (Control.astro).
        const shown = formatControlValue(value, document.documentElement.lang);
        note.textContent =
          String(value) === this.dataset['default'] ? t('control.default', { value: shown }) : t('control.changed', { value: shown });
      }
      onChange(value);
    };
    input?.addEventListener('input', () => changed(input));
    box?.addEventListener('input', () => changed(box));
  }

  #input(): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector<HTMLInputElement | HTMLSelectElement>('[data-control-input]');
  }
}
