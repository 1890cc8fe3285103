/**
 * The explorers' measurements for `npm run bench` (scripts/bench/run.ts calls them), in headless
 * Chromium on a built page that has the training cell and explorers (the article):
 *
 * - the training cell with its views following it every N steps (training you can watch) against
 *   the same page with watching off (`?watch=0`), paired runs: what watching costs;
 * - the time from the end of a stroke on the drawing pad to the prediction shown for it, and the
 *   longest main-thread task while drawing.
 *
 * Timing happens in the page: performance.now() when the pointer is released and when the
 * explorer shows the answer for that stroke (its data-strokes attribute), so the driver's own
 * latency does not count.
 */
import type { Browser, Page } from 'playwright-core';
import { cell, waitForState } from '../support/reader.ts';
import { median, pairedRatios, type Measure } from './report.ts';

/** How long the training cell ran, in ms, on `pageUrl` (add `?watch=0` to turn watching off). */
export async function trainingTime(browser: Browser, pageUrl: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  const run = cell(page, 'train').locator('[data-action="run"]');
  await run.waitFor({ state: 'visible' });
  await run.click();
  await waitForState(page, 'train', ['running'], 180_000);
  const started = Date.now();
  await waitForState(page, 'train', ['done'], 600_000);
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

/** Paired runs of the training cell with its views watching (every `everySteps` steps) and without. */
export async function watchingOverhead(
  browser: Browser,
  pageUrl: string,
  runs: number,
  everySteps?: number,
): Promise<{ watchedMs: number[]; unwatchedMs: number[]; ratios: number[] }> {
  const watchedMs: number[] = [];
  const unwatchedMs: number[] = [];
  const url = (steps: number | undefined) => `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}watch=${steps ?? ''}`;
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so that a machine slowing down does not favour one.
    if (run % 2 === 0) {
      unwatchedMs.push(await trainingTime(browser, url(0)));
      watchedMs.push(await trainingTime(browser, everySteps === undefined ? pageUrl : url(everySteps)));
    } else {
      watchedMs.push(await trainingTime(browser, everySteps === undefined ? pageUrl : url(everySteps)));
      unwatchedMs.push(await trainingTime(browser, url(0)));
    }
  }
  return { watchedMs, unwatchedMs, ratios: pairedRatios(watchedMs, unwatchedMs) };
}

interface StrokeRecord {
  ends: number[];
  answers: Array<[number, number]>;
  longTasks: number[];
}

/** Draws `strokes` strokes on the page's drawing pad with the mouse, one after the other. */
export async function strokeToPrediction(browser: Browser, pageUrl: string, strokes = 7): Promise<{ latenciesMs: number[]; longestTaskMs: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  const draw = page.locator('[data-explorer="draw"]');
  await draw.scrollIntoViewIfNeeded();
  // The pad's code loads as it comes near (it then joins the Tab order): a stroke drawn before
  // that goes to a plain picture, and no prediction would ever come.
  await page.waitForSelector('[data-draw-pad][tabindex="0"]', { timeout: 60_000 });
  await page.mouse.move(5, 5);
  // The first stroke starts the worker and fetches the model: not what a reader waits for afterwards.
  await drawStroke(page, 0);
  await page.waitForSelector('[data-explorer="draw"][data-strokes="1"]', { timeout: 180_000 });
  // The editors of the cells around the pad load in idle moments meanwhile: measure the drawing
  // once the page is quiet.
  await waitForQuiet(page);
  await page.evaluate(() => {
    const record: StrokeRecord = { ends: [], answers: [], longTasks: [] };
    (window as unknown as { strokes: StrokeRecord }).strokes = record;
    const explorer = document.querySelector('[data-explorer="draw"]');
    explorer?.addEventListener('pointerup', () => record.ends.push(performance.now()), { capture: true });
    if (explorer) {
      new MutationObserver(() => record.answers.push([Number(explorer.getAttribute('data-strokes')), performance.now()])).observe(explorer, {
        attributes: true,
        attributeFilter: ['data-strokes'],
      });
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  for (let stroke = 1; stroke <= strokes; stroke++) {
    await drawStroke(page, stroke);
    await page.waitForSelector(`[data-explorer="draw"][data-strokes="${stroke + 1}"]`, { timeout: 60_000 });
  }
  const record = await page.evaluate(() => (window as unknown as { strokes: StrokeRecord }).strokes);
  await context.close();
  // The answer for stroke k is the first one that saw k + 1 finished strokes (the warm-up is the first).
  const latenciesMs = record.ends.map((end, index) => {
    const answer = record.answers.find(([count]) => count === index + 2);
    return (answer?.[1] ?? Number.NaN) - end;
  });
  return { latenciesMs, longestTaskMs: Math.max(0, ...record.longTasks) };
}

/** Waits until the main thread has had no long task for two seconds (at most 30 s). */
async function waitForQuiet(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        new PerformanceObserver(() => (last = performance.now())).observe({ type: 'longtask' });
        const started = performance.now();
        const check = (): void => {
          if (performance.now() - last > 2_000 || performance.now() - started > 30_000) resolve();
          else setTimeout(check, 250);
        };
        check();
      }),
  );
}

/** A stroke across the pad: each one a little to the right of the last, so the drawing changes. */
async function drawStroke(page: Page, index: number): Promise<void> {
  const box = await page.locator('[data-draw-pad]').boundingBox();
  if (!box) throw new Error('no drawing pad on the page');
  const x = box.x + box.width * (0.3 + 0.05 * (index % 8));
  await page.mouse.move(x, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) await page.mouse.move(x + step, box.y + box.height * (0.2 + (0.6 * step) / 12));
  await page.mouse.up();
}

/** The rows for the report: watching's cost and the drawing pad's latency. */
export async function explorerMeasures(browser: Browser, pageUrl: string, runs: number): Promise<Measure[]> {
  const watching = await watchingOverhead(browser, pageUrl, runs);
  const strokes = [];
  for (let run = 0; run < runs; run++) strokes.push(await strokeToPrediction(browser, pageUrl));
  return [
    { name: 'training cell, views following it every 50 steps', samples: watching.watchedMs.map((ms) => ms / 1000), unit: 's' },
    { name: 'training cell, watching off (?watch=0)', samples: watching.unwatchedMs.map((ms) => ms / 1000), unit: 's' },
    { name: 'cost of watching the training (paired runs)', samples: watching.ratios, unit: 'ratio', budget: 1.1 },
    { name: 'end of a stroke to its prediction (median of 7 strokes)', samples: strokes.map((s) => median(s.latenciesMs)), unit: 'ms', budget: 100 },
    { name: 'longest main-thread task while drawing', samples: strokes.map((s) => s.longestTaskMs), unit: 'ms', budget: 50 },
  ];
}
