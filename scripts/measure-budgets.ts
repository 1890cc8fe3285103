/**
 * Measures the two budgets of the live-cell engine on the built site, in headless Chromium:
 *
 * 1. JavaScript loaded before the reader interacts (gzip bytes), on an article page.
 * 2. The longest main-thread task while a cell trains a model of the article's size
 *    (1000 SGD steps on [100, 784] x [784, 10]), from PerformanceObserver long tasks.
 *
 * Prints medians of several runs. Not part of `npm test`: timings are noisy, figures are reported.
 * Usage: npm run bench:budgets [-- --runs 3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { cell, replaceCode, waitForState } from '../test/support/cells.ts';
import { serveStatic } from '../test/support/static-server.ts';

const root = resolve(import.meta.dirname, '..');
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 3;

const TRAINING_CELL = `const xs = tf.randomUniform([100, 784]);
const ys = tf.oneHot(tf.randomUniform([100], 0, 10, 'int32'), 10).toFloat();
const W = tf.variable(tf.zeros([784, 10]));
const b = tf.variable(tf.zeros([10]));
const optimizer = tf.train.sgd(0.01);
for (let step = 1; step <= 1000; step++) {
  optimizer.minimize(() => tf.neg(tf.sum(tf.mul(ys, tf.log(tf.softmax(tf.add(tf.matMul(xs, W), b)))))));
  if (step % 100 === 0) print('step', step);
}
await W.data();`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

async function measureJavaScriptBeforeInteraction(browser: Browser, url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (type.includes('javascript')) scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1_000);
  await context.close();
  let raw = 0;
  let gzip = 0;
  for (const path of scripts) {
    const bytes = readFileSync(resolve(root, 'dist', `.${path}`));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: scripts.length, raw, gzip };
}

async function measureLongestTaskWhileTraining(
  browser: Browser,
  url: string,
): Promise<{ longestTaskMs: number; runMs: number; backend: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await cell(page, 'fit').locator('[data-action="run"]').waitFor({ state: 'visible' });
  await replaceCode(page, 'fit', TRAINING_CELL);
  // Warm the session (TensorFlow.js download, backend start) so we measure training, not loading.
  await cell(page, 'tensors').locator('[data-action="run"]').click();
  await waitForState(page, 'tensors', ['done']);
  await page.evaluate(() => {
    const record: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await cell(page, 'fit').locator('[data-action="run"]').click();
  await waitForState(page, 'fit', ['done'], 300_000);
  const runMs = Date.now() - started;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const backend = (await page.locator('[data-backend]').getAttribute('data-backend')) ?? '?';
  await context.close();
  // The long-task API only reports tasks over 50 ms: none reported means every task was shorter.
  return { longestTaskMs: Math.max(0, ...longTasks), runMs, backend };
}

if (!existsSync(resolve(root, 'dist/index.html'))) {
  execFileSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
const server = await serveStatic(resolve(root, 'dist'));
const browser = await launchChromium();
try {
  const url = `${server.url}en/demo/`;
  const weights = [];
  const trainings = [];
  for (let run = 0; run < runs; run++) {
    weights.push(await measureJavaScriptBeforeInteraction(browser, url));
    trainings.push(await measureLongestTaskWhileTraining(browser, url));
  }
  const rows = [
    ['JavaScript before interaction (gzip)', `${(median(weights.map((w) => w.gzip)) / 1024).toFixed(1)} KB`, '<= 40 KB'],
    [
      'JavaScript before interaction (raw)',
      `${(median(weights.map((w) => w.raw)) / 1024).toFixed(1)} KB in ${weights[0]?.files} file(s)`,
      '',
    ],
    ['Longest main-thread task while training', `${median(trainings.map((t) => t.longestTaskMs)).toFixed(0)} ms`, '<= 50 ms'],
    ['Training cell, 1000 steps', `${(median(trainings.map((t) => t.runMs)) / 1000).toFixed(2)} s on ${trainings[0]?.backend}`, ''],
  ];
  console.log(`\nMedians of ${runs} run(s), headless Chromium ${browser.version()}\n`);
  console.log('| measure | value | budget |\n| --- | --- | --- |');
  for (const [measure, value, budget] of rows) console.log(`| ${measure} | ${value} | ${budget} |`);
} finally {
  await browser.close();
  await server.close();
}
