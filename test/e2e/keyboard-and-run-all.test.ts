import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBrowser, useFreshPage } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, waitForEditorText, waitForState, waitInPage } from '../../scripts/support/reader.ts';

const browser = useBrowser();
const freshPage = useFreshPage(browser, 'fr/demo/');
let page: Page;
beforeEach(() => {
  page = freshPage();
});

describe('keyboard and Run all', () => {
  it('runs with Ctrl+Enter, and Escape leaves the editor for the Run button', async () => {
    await replaceCode(page, 'tensors', 'print(6 * 7)');
    await page.keyboard.press('Control+Enter');
    await waitForState(page, 'tensors', ['done']);
    expect(await outputOf(page, 'tensors')).toBe('42');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('run');
  });

  it('lets the reader type Enter and Tab-free code without triggering anything', async () => {
    await replaceCode(page, 'tensors', '');
    await page.keyboard.type('const s = 1;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('s + 1');
    await waitForEditorText(page, 'tensors', 'const s = 1;\ns + 1');
    // Edited but not run: its build-time output no longer matches its code.
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('stale');
    await page.keyboard.press('Shift+Enter');
    await waitForState(page, 'tensors', ['done']);
    expect(await outputOf(page, 'tensors')).toBe('2');
  });

  it('runs every cell with Run all except those that depend on a failing one, and says why', async () => {
    await replaceCode(page, 'matmul', 'const product = tf.matMul(a, tf.zeros([3, 3]));');
    await replaceCode(page, 'fit', 'print(product.shape);');
    await page.locator('[data-action="run-all"]').click();
    await waitForState(page, 'matmul', ['error']);
    await waitInPage(page, () => !document.querySelector('[data-state="queued"], [data-state="running"]'));
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
    expect(await cell(page, 'matmul').locator('[data-error]').textContent()).toContain('(ligne 1, colonne 20)');
    expect(await cell(page, 'fit').getAttribute('data-state')).toBe('stale');
    expect(await cell(page, 'fit').locator('[data-status]').textContent()).toContain('matmul');
    expect(await outputOf(page, 'fit')).not.toContain('[4, 3]');
  });

  it('localises the buttons in the page’s language', async () => {
    expect(await cell(page, 'tensors').locator('[data-action="run"]').textContent()).toContain('Exécuter');
    expect(await cell(page, 'tensors').locator('[data-action="reset"]').getAttribute('title')).toContain('Rétablir');
  });
});
