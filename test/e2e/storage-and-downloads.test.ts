import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, errorOf, outputOf, replaceCode, runCell, waitInPage } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function openDemo(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}en/demo/`);
  await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
  return page;
}

describe('storage that fails', () => {
  it.each([
    ['full', 'Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };'],
    ['disabled', 'Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });'],
    [
      'corrupt',
      'localStorage.setItem("tf-facile:edit:v2:/en/demo/:tensors", "{not json"); localStorage.setItem("tf-facile:edit:v1:/en/demo/:tensors", "{not json");',
    ],
  ])('still lets the reader edit and run when localStorage is %s', async (_case, script) => {
    const context = await browser().newContext();
    await context.addInitScript(script);
    const page = await openDemo(context);
    await replaceCode(page, 'tensors', 'print("edited anyway")');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('edited anyway');
    await context.close();
  });
});

describe('data downloads that fail', () => {
  const PRINT_LABEL = 'print(mnist.test.label(0));';

  it.each([
    ['truncated', (body: Buffer) => ({ status: 200, body: body.subarray(0, 1000) }), /truncated|got 1000 of/],
    [
      'corrupted',
      (body: Buffer) => ({ status: 200, body: Buffer.from(body.map((byte, i) => (i === 500 ? byte ^ 0xff : byte))) }),
      /SHA-256/,
    ],
  ])('says so when a data file arrives %s, and Retry recovers', async (_case, damage, expected) => {
    const context = await browser().newContext();
    let damaged = true;
    await context.route(/\/data\/mnist\/t10k-labels\.mnc/, async (route) => {
      if (!damaged) return route.continue();
      const response = await route.fetch();
      return route.fulfill(damage(await response.body()));
    });
    const page = await openDemo(context);
    await replaceCode(page, 'tensors', PRINT_LABEL);
    expect(await runCell(page, 'tensors')).toBe('error');
    expect(await errorOf(page, 'tensors')).toMatch(expected);
    damaged = false;
    await cell(page, 'tensors').locator('[data-action="retry"]').click();
    await waitInPage(page, () => document.querySelector('[data-cell="tensors"]')?.getAttribute('data-state') === 'done');
    expect(await outputOf(page, 'tensors')).toBe('7');
    await context.close();
  });

  it('says so when the reader is offline', async () => {
    const context = await browser().newContext();
    await context.route(/\/data\/mnist\//, (route) => route.abort('internetdisconnected'));
    const page = await openDemo(context);
    await replaceCode(page, 'tensors', PRINT_LABEL);
    expect(await runCell(page, 'tensors')).toBe('error');
    expect(await errorOf(page, 'tensors')).toMatch(/LoadError: .*(manifest|MNIST)/);
    expect(await cell(page, 'tensors').locator('[data-action="retry"]').isVisible()).toBe(true);
    await context.close();
  });
});
