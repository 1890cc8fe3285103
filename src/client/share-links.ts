/**
 * The page's Share action and the loading of shared links (see share-codec.ts for the format).
 * Shared code is shown in the editors, marked, and never run until the reader presses Run.
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

  if (hasShareFragment(location.hash)) {
    const known = new Set(cells.map((cell) => cell.cellId));
    decodeShareFragment(location.hash, known).then(
      (shared) => {
        for (const cell of cells) {
          const code = shared[cell.cellId];
          if (code !== undefined) cell.loadSharedCode(code);
        }
        notice(t('session.sharedLoaded', { count: Object.keys(shared).length }));
      },
      (error: unknown) => notice(t('session.shareIgnored', { reason: error instanceof Error ? error.message : String(error) })),
    );
  }
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
