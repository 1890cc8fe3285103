import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { outputOf, runCell, waitForState } from '../../scripts/support/reader.ts';
import { argMax, printedTensor } from '../support/article.ts';

const siteUrl = inject('siteUrl');
// A browser with no GPU and no software rasteriser: WebGL cannot start, in the page or in a
// worker. (Chromium's --disable-webgl alone does not reach OffscreenCanvas in workers.)
const browser = useBrowser(['--disable-gpu', '--disable-software-rasterizer']);

describe('without WebGL', () => {
  it('falls back to WASM, says so, and still computes the right numbers', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/demo/`);
    expect(await runCell(page, 'matmul')).toBe('done');
    const backend = await page.locator('[data-backend]').getAttribute('data-backend');
    expect(backend).toBe('wasm');
    const notice = page.locator('[data-session-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('WebGL is not available here');
    expect(await outputOf(page, 'matmul')).toContain('[[ 1.  2.  8.]\n [ 3.  4. 18.]');
  });

  it('lets the reader force the CPU backend from the URL', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/demo/?backend=cpu`);
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await page.locator('[data-backend]').getAttribute('data-backend')).toBe('cpu');
  });
});

describe('the article without WebGL', () => {
  it('still reproduces the article’s results on the fallback backend', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    await page.locator('[data-action="run-all"]').click();
    await waitForState(page, 'gradients', ['done', 'error'], 300_000);
    expect(await page.locator('[data-cell][data-state="error"]').count()).toBe(0);
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('wasm');
    const accuracy = Number(/accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1]);
    expect(accuracy).toBeGreaterThan(0.9);
    expect(accuracy).toBeLessThan(0.93);
    expect(argMax(await printedTensor(page, 'softmax', 'y'))).toBe(7);
    expect(await printedTensor(page, 'predictions', 'y')).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    await page.close();
  });
});

describe('the backend switch', () => {
  const withWebGl = useBrowser();

  it('changes data-backend and the cells still run, on WASM then CPU then WebGL', async () => {
    const page = await withWebGl().newPage();
    await page.goto(`${siteUrl}en/demo/`);
    expect(await runCell(page, 'matmul')).toBe('done');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
    for (const backend of ['wasm', 'cpu', 'webgl']) {
      await page.locator('[data-backend-select]').selectOption(backend);
      expect(await page.locator('[data-cell="matmul"]').getAttribute('data-state')).toBe('stale');
      expect(await runCell(page, 'matmul')).toBe('done');
      expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe(backend);
      expect(await outputOf(page, 'matmul')).toContain('[[ 1.  2.  8.]\n [ 3.  4. 18.]');
    }
    await page.close();
  });
});
