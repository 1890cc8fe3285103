/**
 * Layout shift while a reader scrolls the whole article: what a load-only Lighthouse run cannot
 * see, since cells become editors, figures and outputs settle as they come near the screen.
 *
 * The page is opened at the given width (a phone's 390 px, with touch, or a desktop's 1280 px),
 * scrolled to the bottom by wheel steps the way a reader reads, with pauses for the editors that
 * load near the screen, and every `layout-shift` entry is collected. The score is the cumulative
 * layout shift as browsers report it (web-vitals: the largest session window of shifts less than
 * 1 s apart and at most 5 s long); the sum of all shifts is returned too.
 *
 * Usage (from the benchmark): `await scrollLayoutShift(browser, url, 390)`.
 */
import type { Browser } from 'playwright-core';

export interface LayoutShiftResult {
  /** Viewport width in CSS pixels. */
  width: number;
  /** Cumulative layout shift, the largest session window. */
  score: number;
  /** Every shift added up, over the whole scroll. */
  total: number;
  /** How many layout-shift entries were reported. */
  shifts: number;
  /** The elements that moved the most, for finding the cause: `tag.class` and their share. */
  largest: Array<{ node: string; value: number }>;
  /** The page's height when it loaded, and after the scroll (cells upgraded, figures drawn). */
  heightBefore: number;
  heightAfter: number;
}

export interface ScrollOptions {
  /** Pixels per wheel step (a reader's flick). */
  step?: number;
  /** Milliseconds between steps, for editors and figures to load near the screen. */
  pause?: number;
}

interface ShiftEntry {
  startTime: number;
  value: number;
  hadRecentInput: boolean;
  sources: Array<{ node?: Node | null }>;
}

/** The largest session window of shifts (web-vitals' CLS): gaps under 1 s, windows up to 5 s. */
export function cumulativeLayoutShift(entries: ReadonlyArray<{ startTime: number; value: number }>): number {
  let best = 0;
  let window = 0;
  let windowStart = 0;
  let previous = -Infinity;
  for (const entry of entries) {
    if (entry.startTime - previous > 1000 || entry.startTime - windowStart > 5000) {
      window = 0;
      windowStart = entry.startTime;
    }
    window += entry.value;
    previous = entry.startTime;
    best = Math.max(best, window);
  }
  return best;
}

export async function scrollLayoutShift(browser: Browser, url: string, width: number, options: ScrollOptions = {}): Promise<LayoutShiftResult> {
  const phone = width < 600;
  const height = phone ? 844 : 900;
  const step = options.step ?? Math.round(height * 0.5);
  const pause = options.pause ?? 400;
  const context = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const record: { entries: ShiftEntry[] } = { entries: [] };
      (window as unknown as { layoutShifts: typeof record }).layoutShifts = record;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.entries.push(entry as unknown as ShiftEntry);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.mouse.move(width / 2, height / 2);
    let previousY = -1;
    for (;;) {
      await page.mouse.wheel(0, step);
      await page.waitForTimeout(pause);
      const y = await page.evaluate(() => scrollY);
      const bottom = await page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1);
      if (bottom || y === previousY) break;
      previousY = y;
    }
    // Let the last editors and figures settle.
    await page.waitForTimeout(1_000);
    const { entries, heightAfter } = await page.evaluate(() => {
      const record = (window as unknown as { layoutShifts: { entries: ShiftEntry[] } }).layoutShifts;
      const describe = (node: Node | null | undefined): string => {
        if (!(node instanceof Element)) return node ? node.nodeName.toLowerCase() : '?';
        const className = typeof node.className === 'string' ? node.className.trim().split(/\s+/)[0] : '';
        return `${node.tagName.toLowerCase()}${className ? `.${className}` : ''}${node.closest('[data-cell]') ? ` in cell ${node.closest('[data-cell]')?.getAttribute('data-cell')}` : ''}`;
      };
      return {
        entries: record.entries
          .filter((entry) => !entry.hadRecentInput)
          .map((entry) => ({ startTime: entry.startTime, value: entry.value, nodes: entry.sources.map((source) => describe(source.node)) })),
        heightAfter: document.documentElement.scrollHeight,
      };
    });
    const byNode = new Map<string, number>();
    for (const entry of entries) for (const node of entry.nodes) byNode.set(node, (byNode.get(node) ?? 0) + entry.value / entry.nodes.length);
    return {
      width,
      score: cumulativeLayoutShift(entries),
      total: entries.reduce((sum, entry) => sum + entry.value, 0),
      shifts: entries.length,
      largest: [...byNode.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([node, value]) => ({ node, value })),
      heightBefore,
      heightAfter,
    };
  } finally {
    await context.close();
  }
}
