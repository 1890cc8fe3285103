/** One Chromium per test file: launched before its tests, closed after them. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { launchChromium } from '../../scripts/support/browser.ts';

export function useBrowser(extraArgs: readonly string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

/**
 * A fresh browser context per test, with `path` of the site open and its first cell ready; the
 * context closes after the test. Returns a getter for the page.
 */
export function useFreshPage(browser: () => Browser, path: string): () => Page {
  let page: Page | undefined;
  beforeEach(async () => {
    const context = await browser().newContext();
    page = await context.newPage();
    await page.goto(`${inject('siteUrl')}${path}`);
    await page.locator('[data-cell] [data-action="run"]').first().waitFor({ state: 'visible' });
    return () => context.close();
  });
  return () => {
    if (!page) throw new Error('the page is not open yet');
    return page;
  };
}

/**
 * One page of the site for the tests of a describe block that only read it: opened before them,
 * closed after. Returns a getter for the page.
 */
export function useSharedPage(browser: () => Browser, path: string): () => Page {
  let page: Page | undefined;
  beforeAll(async () => {
    page = await browser().newPage();
    await page.goto(`${inject('siteUrl')}${path}`);
  });
  afterAll(async () => {
    await page?.close();
  });
  return () => {
    if (!page) throw new Error(`${path} is not open yet`);
    return page;
  };
}
