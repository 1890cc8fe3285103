/**
 * Entry point of an article page: upgrades the live cells, controls, figures and explorers and
 * starts the page session. Small on purpose: TensorFlow.js (in the worker), the editor, the code
 * analysis and the explorers' code load only when they are needed.
 */
import { EditStore } from './edit-store.ts';
import { LiveCellElement } from './live-cell.ts';
import { LiveControlElement } from './live-control.ts';
import { LiveFigureElement } from './live-figure.ts';
import { PageSession } from './page-session.ts';
import { readNotebookNodes } from './notebook-data.ts';
import { readUiStrings } from './ui-strings.ts';
import { setUpSharing } from './share-links.ts';
import { setUpEditsTransfer } from './edits-transfer.ts';
import { SharedRunGuard } from './shared-run-guard.ts';
import { startOffline } from './offline.ts';
import { mountExplorersOnApproach } from './explorers/mount.ts';

customElements.define('live-cell', LiveCellElement);
customElements.define('live-figure', LiveFigureElement);
customElements.define('live-control', LiveControlElement);

const cells = [...document.querySelectorAll<LiveCellElement>('live-cell')];
const figures = [...document.querySelectorAll<LiveFigureElement>('live-figure')];
const controls = [...document.querySelectorAll<LiveControlElement>('live-control')];
const explorers = [...document.querySelectorAll<HTMLElement>('[data-explorer][data-node]')];
if (cells.length > 0 || figures.length > 0 || explorers.length > 0) {
  const t = readUiStrings();
  const store = new EditStore(location.pathname);
  const bar = document.querySelector<HTMLElement>('live-session');
  // Shared code that other cells show is never run without the reader's say (shared-run-guard.ts).
  const guard = new SharedRunGuard(cells);
  const session = new PageSession({ nodes: readNotebookNodes(), cells, figures, controls, explorers, bar, t, guard });
  for (const figure of figures) figure.connect(session, t);
  mountExplorersOnApproach(explorers, session, t);
  for (const cell of cells) {
    cell.connect({ host: session, store, t });
    // The reader is about to use a cell: start TensorFlow.js now rather than on the first Run.
    cell.addEventListener('pointerenter', () => session.warmUp(), { once: true });
    cell.addEventListener('focusin', () => session.warmUp(), { once: true });
  }
  setUpSharing(cells, bar, (text) => session.notify(text), t);
  setUpEditsTransfer(cells, bar, (text) => session.notify(text), t);
}
startOffline();
