/**
 * The layers API's measurements for `npm run bench` (scripts/bench/run.ts calls them), in headless
 * Chromium on the built article, whose appendix has the Keras-style cell `keras`:
 *
 * - layersCodeBytes: the JavaScript the Keras cell makes the browser fetch, gzip as served, in a
 *   session that already ran a cell and drew a chart (so the worker and the chart code are there):
 *   what the layers API costs the reader who uses it, and only that reader;
 * - kerasTrainingTimes: the Keras cell's model.fitDataset against the same fit in a bare
 *   TensorFlow.js page (bare/keras-worker.ts), timed around the fit alone on both sides (the cell
 *   is given two timing lines), paired runs.
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cell, outputOf, replaceCode, waitForState, waitInPage } from '../support/reader.ts';
import { readArticle } from '../../src/build/article/read-article.ts';
import { pairedRatios, type Measure } from './report.ts';

const KERAS_CELL = 'keras';
const WARM_UP_CELL = 'rank-shape';

async function openArticle(browser: Browser, url: string, onContext?: (context: BrowserContext) => void): Promise<{ page: Page; close: () => Promise<void> }> {
  // No service worker: its own fetches would count twice, and it is not what a first use costs.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  onContext?.(context);
  const page = await context.newPage();
  await page.goto(url);
  await cell(page, KERAS_CELL).locator('[data-action="run"]').waitFor({ state: 'visible' });
  return { page, close: () => context.close() };
}

/** Bytes on the wire (gzip as served) of the scripts first fetched while the Keras cell runs. */
export async function layersCodeBytes(browser: Browser, articleUrl: string): Promise<{ gzipBytes: number; files: string[] }> {
  const before = new Set<string>();
  const fetched = new Map<string, number>();
  let recording = false;
  const { page, close } = await openArticle(browser, articleUrl, (context) =>
    context.on('requestfinished', (request) => {
      const url = request.url();
      if (!recording) before.add(url);
      else if (!before.has(url) && /\.m?js$/.test(new URL(url).pathname)) void request.sizes().then((sizes) => fetched.set(url, sizes.responseBodySize));
    }),
  );
  try {
    // The session starts and a chart is drawn first: their code is not the layers API's.
    await replaceCode(page, WARM_UP_CELL, "plot('warm-up', 1, 1);");
    await cell(page, WARM_UP_CELL).locator('[data-action="run"]').click();
    await waitForState(page, WARM_UP_CELL, ['done'], 120_000);
    await page.locator('[data-cell="rank-shape"] [data-chart] svg').waitFor();
    recording = true;
    await cell(page, KERAS_CELL).locator('[data-action="run"]').click();
    if ((await waitForState(page, KERAS_CELL, ['done', 'error'], 600_000)) !== 'done') throw new Error('the Keras cell failed');
    return { gzipBytes: [...fetched.values()].reduce((sum, bytes) => sum + bytes, 0), files: [...fetched.keys()].map((url) => new URL(url).pathname) };
  } finally {
    await close();
  }
}

/** The Keras cell's code, with the fit timed: `print("trainMs", …)` after it. */
function timedKerasCell(): string {
  const article = resolve(import.meta.dirname, '../../content/articles/en/mnist-softmax.mdx');
  const code = readArticle(article).cells.find((candidate) => candidate.id === KERAS_CELL)?.code ?? '';
  const fit = /^await keras_model\.fitDataset\(.*\);$/m;
  if (!fit.test(code)) throw new Error(`the ${KERAS_CELL} cell no longer has the line ${String(fit)}`);
  return code.replace(fit, (line) => `const fit_started = performance.now();\n${line}\nprint("trainMs", performance.now() - fit_started);`);
}

/** How long the Keras cell's fit takes in the site, in ms, and on which backend. */
export async function siteKerasTrainMs(browser: Browser, articleUrl: string): Promise<{ ms: number; backend: string; accuracy: number }> {
  const { page, close } = await openArticle(browser, articleUrl);
  try {
    await replaceCode(page, KERAS_CELL, timedKerasCell());
    await cell(page, KERAS_CELL).locator('[data-action="run"]').click();
    if ((await waitForState(page, KERAS_CELL, ['done', 'error'], 600_000)) !== 'done') throw new Error('the timed Keras cell failed');
    const output = await outputOf(page, KERAS_CELL);
    return {
      ms: Number(/^trainMs ([\d.]+)$/m.exec(output)?.[1]),
      accuracy: Number(/^accuracy: ([\d.]+)$/m.exec(output)?.[1]),
      backend: (await page.locator('[data-backend-indicator]').getAttribute('data-backend')) ?? '?',
    };
  } finally {
    await close();
  }
}

/** The same fit in the bare page (`?variant=keras`), in ms. */
export async function bareKerasTrainMs(browser: Browser, bareUrl: string): Promise<{ ms: number; backend: string; accuracy: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${bareUrl}?variant=keras`);
    const result = await waitInPage(page, () => (window as unknown as { bareResult?: { trainMs: number; backend: string; accuracy: number } }).bareResult, undefined, 600_000);
    return { ms: result.trainMs, backend: result.backend, accuracy: result.accuracy };
  } finally {
    await context.close();
  }
}

/** Paired runs: the site's Keras cell, then the bare page, `runs` times. */
export async function kerasTrainingTimes(
  browser: Browser,
  articleUrl: string,
  bareUrl: string,
  runs: number,
): Promise<{ siteMs: number[]; bareMs: number[]; ratios: number[]; backends: string[] }> {
  const siteMs: number[] = [];
  const bareMs: number[] = [];
  const backends = new Set<string>();
  for (let run = 0; run < runs; run++) {
    const site = await siteKerasTrainMs(browser, articleUrl);
    const bare = await bareKerasTrainMs(browser, bareUrl);
    siteMs.push(site.ms);
    bareMs.push(bare.ms);
    backends.add(site.backend).add(bare.backend);
  }
  return { siteMs, bareMs, ratios: pairedRatios(siteMs, bareMs), backends: [...backends] };
}

/** The rows of the report. */
export async function layersMeasures(browser: Browser, articleUrl: string, bareUrl: string, runs: number): Promise<Measure[]> {
  const bytes: number[] = [];
  for (let run = 0; run < runs; run++) bytes.push((await layersCodeBytes(browser, articleUrl)).gzipBytes / 1024);
  const training = await kerasTrainingTimes(browser, articleUrl, bareUrl, runs);
  const backend = training.backends.join('/');
  return [
    { name: 'layers API code fetched when a Keras cell first runs (gzip)', samples: bytes, unit: 'KB' },
    { name: `Keras cell, fitDataset over 1000 batches of 100, ${backend}`, samples: training.siteMs.map((ms) => ms / 1000), unit: 's' },
    { name: 'the same fitDataset in bare TensorFlow.js, same backend', samples: training.bareMs.map((ms) => ms / 1000), unit: 's' },
    { name: 'Keras training overhead of the site (paired runs)', samples: training.ratios, unit: 'ratio', budget: 1.05 },
  ];
}
