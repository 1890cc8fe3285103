/**
 * The offline notice: one polite status message at the bottom of the page (the reader is told, not
 * interrupted), with Reload when a new version is waiting and a Close button.
 */
import { readUiStrings } from './ui-strings.ts';
// Astro drops CSS that a page script imports, and the layouts' base.css belongs to everyone:
// the notice brings its few rules along, as a <style> added the first time it shows.
import styles from '../styles/offline-notice.css?inline';

export type OfflineNoticeKind = 'ready' | 'update' | 'updated' | 'offline';

/**
 * Shows `kind` in `region` (made by offline.ts), or clears it (`kind` undefined) when it still shows
 * `replacing`. Pages without interface strings (the root page, which redirects at once) say nothing.
 */
export function showOfflineNotice(region: HTMLElement, kind: OfflineNoticeKind | undefined, replacing?: OfflineNoticeKind): void {
  const status = region.querySelector('[role="status"]');
  if (!status || !document.querySelector('script[data-ui-strings]')) return;
  if (kind === undefined) {
    if (region.dataset['kind'] === replacing) clear(region, status);
    return;
  }
  const t = readUiStrings();
  if (!document.querySelector('style[data-offline-notice-style]')) {
    const style = document.createElement('style');
    style.dataset['offlineNoticeStyle'] = '';
    style.textContent = styles;
    document.head.append(style);
  }
  region.dataset['kind'] = kind;
  status.textContent = t(`offline.${kind}`);
  for (const button of region.querySelectorAll('button')) button.remove();
  if (kind === 'update') region.append(button(t('offline.reload'), 'reload', () => location.reload()));
  region.append(button(t('offline.dismiss'), 'dismiss', () => clear(region, status)));
}

function clear(region: HTMLElement, status: Element): void {
  delete region.dataset['kind'];
  status.textContent = '';
  for (const button of region.querySelectorAll('button')) button.remove();
}

function button(label: string, action: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button';
  element.dataset['action'] = action;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
