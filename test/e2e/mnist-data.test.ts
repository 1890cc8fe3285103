import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, errorOf, outputOf, replaceCode, runCell, waitInPage } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const PRINT_TEST_SET = 'print(mnist.test.numExamples);\nprint(Array.from({ length: 10 }, (_, i) => mnist.test.label(i)).join(" "));';
const browser = useBrowser();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await browser().newContext();
  page = await context.newPage();
  await page.goto(`${siteUrl}en/mnist-softmax/`);
  await cell(page, 'rank-shape').locator('[data-action="run"]').waitFor({ state: 'visible' });
  return () => context.close();
});

/** Counts requests for the compressed data files, the worker's included. */
function countDataRequests(): { count: number } {
  const counter = { count: 0 };
  context.on('request', (request) => {
    if (/\/data\/mnist\/[^/]+\.mnc/.test(request.url())) counter.count += 1;
  });
  return counter;
}

describe('MNIST in the browser', () => {
  it('gives cells the standard test set, in its original order, with a progress bar while it loads', async () => {
    await page.evaluate(() => {
      const progress = document.querySelector<HTMLElement>('[data-data-progress]');
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      if (!progress) return;
      new MutationObserver(() => {
        if (!progress.hidden) seen.push(progress.textContent?.trim() ?? '');
      }).observe(progress, { attributes: true, subtree: true, childList: true, characterData: true });
    });
    await replaceCode(page, 'rank-shape', PRINT_TEST_SET);
    expect(await runCell(page, 'rank-shape')).toBe('done');
    expect(await outputOf(page, 'rank-shape')).toBe('10000\n7 2 1 0 4 1 4 9 5 9');
    const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progressSeen.some((text) => /^Loading MNIST: \d+% \([\d.]+ MB of 7\.8 MB\)$/.test(text))).toBe(true);
    expect(await page.locator('[data-data-progress]').isHidden()).toBe(true);
  });

  it('shows a failed download with Retry, and Retry recovers', async () => {
    await context.route(/\/data\/mnist\/t10k-labels\.mnc/, (route) => route.fulfill({ status: 404, body: 'missing' }));
    await replaceCode(page, 'rank-shape', PRINT_TEST_SET);
    expect(await runCell(page, 'rank-shape')).toBe('error');
    expect(await errorOf(page, 'rank-shape')).toMatch(/t10k-labels.*404/);
    expect(await page.locator('[data-data-progress]').isHidden()).toBe(true);

    await context.unrouteAll();
    await cell(page, 'rank-shape').locator('[data-action="retry"]').click();
    await waitInPage(page, () => document.querySelector('[data-cell="rank-shape"]')?.getAttribute('data-state') === 'done');
    expect(await outputOf(page, 'rank-shape')).toBe('10000\n7 2 1 0 4 1 4 9 5 9');
  });

  it('loads from the cache on a second visit, downloading no data file again', async () => {
    const requests = countDataRequests();
    await replaceCode(page, 'rank-shape', PRINT_TEST_SET);
    expect(await runCell(page, 'rank-shape')).toBe('done');
    expect(requests.count).toBe(4);

    await page.reload();
    await cell(page, 'rank-shape').locator('[data-action="run"]').waitFor({ state: 'visible' });
    expect(await runCell(page, 'rank-shape')).toBe('done');
    expect(await outputOf(page, 'rank-shape')).toBe('10000\n7 2 1 0 4 1 4 9 5 9');
    expect(requests.count).toBe(4);
  });
});
