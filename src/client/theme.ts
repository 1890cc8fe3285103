/**
 * Light or dark: the system's preference until the reader chooses, then the reader's choice,
 * remembered. The choice is applied before the first paint by THEME_BOOT_SCRIPT (inlined in <head>).
 */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'tf-facile:theme';
export const THEME_EVENT = 'tf-facile:theme';

/** Inlined in <head>; its hash is allowed by the Content-Security-Policy (astro.config.mjs). */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage unavailable: the choice lasts for this page.
  }
  document.dispatchEvent(new CustomEvent<Theme>(THEME_EVENT, { detail: theme }));
}

/**
 * Wires the header's theme button, named for what it does: while the page is light it offers the
 * dark theme, and the other way round (both labels are in the markup; one is hidden).
 */
export function setUpThemeToggle(button: HTMLButtonElement | null): void {
  if (!button) return;
  const show = (): void => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    for (const label of button.querySelectorAll<HTMLElement>('[data-theme-label]')) label.hidden = label.dataset['themeLabel'] !== next;
  };
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    setTheme(currentTheme() === 'dark' ? 'light' : 'dark');
    show();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}
