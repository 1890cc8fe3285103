/**
 * The page's Share action and the reading of shared links (see share-codec.ts for the format).
 *
 * Shared code is a layer over the reader's own: shown in the cells and marked, saved only if the
 * reader edits or keeps it, never run until the reader presses Run (shared-run-guard.ts asks
 * before earlier cells run it). The fragment is removed from the address once read, so a reload
 * shows the reader's own state; a link opened on the page already open (only the fragment
 * changes) is read too.
 */
import type { LiveCellElement } from './live-cell.ts';
import { decodeShareFragment, encodeShareFragment, hasShareFragment } from './share-codec.ts';
import type { Translate } from './ui-strings.ts';

export function setUpSharing(
  cells: readonly LiveCellElement[],
  controls: HTMLElement | null,
  notice: (text: string) => void,
  t: Translate,
): void {
  const button = controls?.querySelector<HTMLButtonElement>('[data-action="share"]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => void share(cells, button, notice, t));
  }
  const known = new Set(cells.map((cell) => cell.cellId));
  const readLink = (): void => {
    const hash = location.hash;
    if (!hasShareFragment(hash)) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    decodeShareFragment(hash, known).then(
      (shared) => {
        let shown = 0;
        for (const cell of cells) {
          const code = shared[cell.cellId];
          if (code !== undefined && cell.loadSharedCode(code)) shown++;
        }
        notice(shown > 0 ? t('link.loaded', { count: shown }) : t('link.nothingNew'));
      },
      (error: unknown) => notice(t('session.shareIgnored', { reason: error instanceof Error ? error.message : String(error) })),
    );
  };
  readLink();
  window.addEventListener('hashchange', readLink);
}

async function share(
  cells: readonly LiveCellElement[],
  button: HTMLButtonElement,
  notice: (text: string) => void,
  t: Translate,
): Promise<void> {
  const edited = Object.fromEntries(cells.filter((cell) => cell.isModified).map((cell) => [cell.cellId, cell.code]));
  const count = Object.keys(edited).length;
  if (count === 0) {
    notice(t('session.shareNothing'));
    return;
  }
  try {
    const url = `${location.origin}${location.pathname}${await encodeShareFragment(edited)}`;
    button.dataset['shareUrl'] = url;
    try {
      await navigator.clipboard.writeText(url);
      notice(t('session.shareCopied', { count }));
    } catch {
      // No clipboard (permissions, insecure page): show the link so the reader can copy it.
      notice(t('session.shareReady', { count, url }));
    }
  } catch (error) {
    notice(t('session.shareFailed', { reason: error instanceof Error ? error.message : String(error) }));
  }
}
