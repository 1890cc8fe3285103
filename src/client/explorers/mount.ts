/**
 * Loads the explorers' code when one comes near the screen (or gets the focus or the pointer),
 * once the reader is active: a page that is only opened costs no more than its own small script.
 * Each explorer then starts the worker and asks its first question (its state, until then, is the
 * build's, baked into the page).
 */
import type { Translate } from '../ui-strings.ts';
import { readerIsActive } from '../reader-activity.ts';
import { channelOf, type ExplorerHost } from './explorer-view.ts';

/** Start loading well before an explorer scrolls in: the worker and the test images take a moment. */
const APPROACH_MARGIN = '800px 0px';

export function mountExplorersOnApproach(elements: readonly HTMLElement[], host: ExplorerHost, t: Translate): void {
  if (elements.length === 0) return;
  const mounted = new Set<HTMLElement>();
  const mount = (element: HTMLElement): void => {
    const channel = channelOf(element);
    if (mounted.has(element) || !channel) return;
    mounted.add(element);
    void import('./explorers.ts').then(({ mountExplorer }) => mountExplorer(element, channel, host, t));
  };
  for (const element of elements) {
    element.addEventListener('focusin', () => mount(element), { once: true });
    element.addEventListener('pointerenter', () => mount(element), { once: true });
  }
  void readerIsActive().then(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          mount(entry.target as HTMLElement);
        }
      },
      { rootMargin: APPROACH_MARGIN },
    );
    for (const element of elements) observer.observe(element);
  });
}
