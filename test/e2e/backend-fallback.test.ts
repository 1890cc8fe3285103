import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { outputOf, runCell } from '../support/cells.ts';

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
