/**
 * Entry point of an article page: upgrades the live cells and starts the page session. Small on
 * purpose: TensorFlow.js (in the worker) and the editor load only when they are needed.
 */
import { EditStore } from './edit-store.ts';
import { LiveCellElement } from './live-cell.ts';
import { LiveFigureElement } from './live-figure.ts';
import { PageSession } from './page-session.ts';
import { readUiStrings } from './ui-strings.ts';
import { setUpSharing } from './share-links.ts';
import { startOffline } from './offline.ts';

customElements.define('live-cell', LiveCellElement);
customElements.define('live-figure', LiveFigureElement);

const cells = [...document.querySelectorAll<LiveCellElement>('live-cell')];
const figures = [...document.querySelectorAll<LiveFigureElement>('live-figure')];
if (cells.length > 0 || figures.length > 0) {
  const t = readUiStrings();
  const store = new EditStore(location.pathname);
  const session = new PageSession(cells, figures, document.querySelector('live-session'), t);
  for (const figure of figures) figure.connect(session, t);
  for (const cell of cells) {
    cell.connect({ host: session, store, t });
    // The reader is about to use a cell: start TensorFlow.js now rather than on the first Run.
    cell.addEventListener('pointerenter', () => session.warmUp(), { once: true });
    cell.addEventListener('focusin', () => session.warmUp(), { once: true });
  }
  setUpSharing(cells, document.querySelector('live-session'), (text) => session.notify(text), t);
}
startOffline();
