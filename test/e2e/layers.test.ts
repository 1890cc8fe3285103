/**
 * The layers API in the browser (runtime/layers/): a Keras-style cell trains on MNIST on WebGL and
 * shows its progress and curves; the layers code is a chunk of the worker's own, requested only
 * when such a cell runs, never by the article's own cells and never before (the service worker does
 * not precache it); Stop ends a fit at its next batch and keeps the session; a model saved to
 * indexeddb:// in the worker loads back.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell, trainBriefly, waitForState, waitInPage } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
const LAYERS_CHUNK = /\/_astro\/tfjs-layers-[\w-]+\.js$/;
let context: BrowserContext;
let page: Page;
/** Every URL the page, its worker and its service worker asked for, in order. */
let requested: string[];

beforeEach(async () => {
  context = await browser().newContext();
  requested = [];
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
  return () => context.close();
});

const layersRequests = () => requested.filter((url) => LAYERS_CHUNK.test(new URL(url).pathname));

async function open(path: string, firstCell: string): Promise<void> {
  await page.goto(`${siteUrl}${path}`);
  await cell(page, firstCell).locator('[data-action="run"]').waitFor({ state: 'visible' });
}

/** Records every text the session bar's activity line shows, from now on. */
async function recordActivity(): Promise<void> {
  await page.evaluate(() => {
    const line = document.querySelector('[data-activity]');
    const seen: string[] = [];
    (window as unknown as { activitySeen: string[] }).activitySeen = seen;
    if (!line) return;
    new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true, subtree: true, characterData: true });
  });
}

const activitySeen = () => page.evaluate(() => (window as unknown as { activitySeen: string[] }).activitySeen);
const backend = () => page.locator('[data-backend-indicator]').getAttribute('data-backend');

/** The service worker's caches: what it kept, as paths. */
const cachedPaths = () =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    return paths;
  });

describe('the layers API', () => {
  it('is one chunk of the build, outside the page’s scripts', () => {
    const chunks = readdirSync(resolve(import.meta.dirname, '../../dist/_astro')).filter((file) => /^tfjs-layers-[\w-]+\.js$/.test(file));
    expect(chunks).toHaveLength(1);
  });

  it('trains the appendix’s Keras model on WebGL for the article’s number of steps, with a progress bar and curves, downloading its code only on Run', async () => {
    await open('en/mnist-softmax/', 'keras');
    // The cell reads the article's two controls, like the train cell: 100 steps, 100 batches.
    await trainBriefly(page);
    // The service worker installs and stores what it precaches: the layers code is not part of it.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitInPage(page, async () => (await caches.keys()).length > 0);
    expect(layersRequests()).toEqual([]);
    expect((await cachedPaths()).filter((path) => path.includes('tfjs-layers'))).toEqual([]);

    await recordActivity();
    await cell(page, 'keras').locator('[data-action="run"]').click();
    expect(await waitForState(page, 'keras', ['done', 'error'], 600_000)).toBe('done');
    expect(await backend()).toBe('webgl');
    const accuracy = Number(/^accuracy: ([\d.]+)$/m.exec(await outputOf(page, 'keras'))?.[1]);
    expect(accuracy).toBeGreaterThan(0.75); // 100 batches; about 0.91 after the tutorial's 1,000
    // The prose's value is the reader's now.
    expect(Number(await page.locator('[data-result="keras_accuracy"]').first().textContent())).toBeCloseTo(accuracy, 3);
    const progress = cell(page, 'keras').locator('[data-progress]');
    expect(await progress.isVisible()).toBe(true);
    expect(await progress.locator('progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(1);
    expect(await progress.locator('[data-progress-text]').textContent()).toMatch(/\b100\b/);
    const chart = cell(page, 'keras').locator('[data-chart] svg');
    expect(await chart.count()).toBe(1);
    // The loss (a sum over the batch, in the hundreds) and the accuracy, a panel each.
    expect(await chart.getAttribute('data-panels')).toBe('2');
    expect(await chart.locator('path').count()).toBe(2);
    expect(await chart.locator('[data-axis-title="y"]').allTextContents()).toEqual(['loss', 'acc']);
    // One chunk (asked by the worker, and passed on by the service worker), kept once used.
    expect(new Set(layersRequests().map((url) => new URL(url).pathname)).size).toBe(1);
    await waitInPage(page, async () => {
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) if (request.url.includes('/tfjs-layers-')) return true;
      return false;
    });
    // The bar said what was downloading.
    expect((await activitySeen()).some((text) => text.includes('Loading TensorFlow.js layers'))).toBe(true);
  });

  it('is never requested by the article’s own cells: training, accuracy, tf.losses', async () => {
    await open('en/mnist-softmax/', 'evaluate');
    await recordActivity();
    // What is requested does not depend on how long the training runs.
    await trainBriefly(page);
    expect(await runCell(page, 'evaluate')).toBe('done');
    expect(await runCell(page, 'safe-loss')).toBe('done');
    expect(await backend()).toBe('webgl');
    expect(await cell(page, 'train').getAttribute('data-state')).toBe('done');
    expect(layersRequests()).toEqual([]);
    expect((await activitySeen()).some((text) => text.includes('TensorFlow.js layers'))).toBe(false);
  });

  it('stops a fit at its next batch on Stop, and keeps the session', async () => {
    await open('en/demo/', 'tensors');
    expect(await runCell(page, 'tensors')).toBe('done');
    await replaceCode(
      page,
      'matmul',
      [
        'const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });',
        "m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
        'await m.fit(tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [4]]), { epochs: 100000, batchSize: 1 });',
        'print("finished");',
      ].join('\n'),
    );
    await cell(page, 'matmul').locator('[data-action="run"]').click();
    await cell(page, 'matmul').locator('[data-progress]').waitFor({ state: 'visible', timeout: 120_000 });
    const stoppedAt = Date.now();
    await cell(page, 'matmul').locator('[data-action="stop"]').click();
    await waitForState(page, 'matmul', ['error', 'stale', 'idle', 'done'], 5_000);
    // Stopped within the second Stop gives a cell to reach an await: the worker was not ended.
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(await outputOf(page, 'matmul')).not.toContain('finished');
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
    expect(await backend()).toBe('webgl');
  });

  it('saves a model to indexeddb:// in the worker and loads it back', async () => {
    await open('en/demo/', 'tensors');
    await replaceCode(
      page,
      'tensors',
      [
        "const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });",
        "await m.save('indexeddb://layers-test');",
        "const loaded = await tf.loadLayersModel('indexeddb://layers-test');",
        'const x = tf.tensor2d([[1, 2, 3]]);',
        'print(Array.from(loaded.predict(x).dataSync()).join(","), loaded.layers.length);',
      ].join('\n'),
    );
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toContain('6,6 1');
    expect(await backend()).toBe('webgl');
  });
});
