import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser, useFreshPage } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell, waitForState, waitInPage } from '../../scripts/support/reader.ts';
import { encodeShareFragment } from '../../src/client/share-codec.ts';
import { fingerprint } from '../../src/client/edit-store.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
const freshPage = useFreshPage(browser, 'en/demo/');
let page: Page;
beforeEach(() => {
  page = freshPage();
});

const DEMO = `${siteUrl}en/demo/`;
const STORAGE_KEY = 'tf-facile:edit:v2:/en/demo/:tensors';

/** The code a cell shows and would run (its element's `code`), editor loaded or not. */
function codeOf(id: string): Promise<string> {
  return page.evaluate((id) => (document.querySelector(`[data-cell="${id}"]`) as unknown as { code: string }).code, id);
}

async function reload(): Promise<void> {
  await page.reload();
  await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
}

/** Opens a share link on the page already open: only the fragment changes, as when a reader follows it. */
async function openLink(cells: Record<string, string>): Promise<void> {
  await page.goto(`${DEMO}${await encodeShareFragment(cells)}`);
  await page.locator('[data-session-notice]:not([hidden])').waitFor();
}

describe('edits when the article changes', () => {
  it('keeps an edit the article changed since, marks it, and lets the reader compare, keep theirs or take the article’s', async () => {
    await replaceCode(page, 'tensors', 'print("an hour of my work")');
    const original = await page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { base: string }).base, STORAGE_KEY);
    // The author has since changed the cell: the edit started from an original without the first comment line.
    const olderOriginal = original.split('\n').slice(1).join('\n');
    await page.evaluate(({ key, base }) => localStorage.setItem(key, JSON.stringify({ base, code: 'print("an hour of my work")' })), {
      key: STORAGE_KEY,
      base: olderOriginal,
    });
    await reload();

    expect(await codeOf('tensors')).toBe('print("an hour of my work")');
    expect(await cell(page, 'tensors').getAttribute('data-edit-conflict')).toBe('');
    await cell(page, 'tensors').locator('[data-conflict]').waitFor({ state: 'visible' });
    expect(await cell(page, 'tensors').locator('[data-conflict]').textContent()).toContain(
      'The article changed this cell since you edited it',
    );

    await cell(page, 'tensors').locator('[data-action="compare"]').click();
    const versions = cell(page, 'tensors').locator('[data-versions]');
    await versions.waitFor({ state: 'visible' });
    // The line the author added is highlighted in the article's version.
    await versions.locator('[data-version="original"] mark').first().waitFor();
    expect(await versions.locator('[data-version="original"] mark').first().textContent()).toBe(original.split('\n')[0]);
    expect(await versions.locator('[data-version="base"]').textContent()).toBe(`${olderOriginal}\n`);
    expect(await versions.locator('[data-version="original"]').textContent()).toBe(`${original}\n`);
    expect(await versions.locator('[data-version="mine"]').textContent()).toBe('print("an hour of my work")\n');

    // Nothing is dropped without a click: a reload keeps the edit and the question.
    await reload();
    expect(await codeOf('tensors')).toBe('print("an hour of my work")');
    expect(await cell(page, 'tensors').locator('[data-conflict]').isVisible()).toBe(true);
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('an hour of my work');

    await cell(page, 'tensors').locator('[data-action="keep-mine"]').click();
    expect(await cell(page, 'tensors').locator('[data-conflict]').isHidden()).toBe(true);
    await reload();
    expect(await codeOf('tensors')).toBe('print("an hour of my work")');
    expect(await cell(page, 'tensors').locator('[data-conflict]').isHidden()).toBe(true);
    expect(await cell(page, 'tensors').locator('[data-modified-mark]').isVisible()).toBe(true);
  });

  it('keeps an edit saved by the previous version of the site, and takes the article’s code only on a click', async () => {
    await page.evaluate(
      ([base]) => localStorage.setItem('tf-facile:edit:v1:/en/demo/:tensors', JSON.stringify({ base, code: 'print("saved long ago")' })),
      [fingerprint('an original the site no longer has')],
    );
    await reload();
    expect(await codeOf('tensors')).toBe('print("saved long ago")');
    await cell(page, 'tensors').locator('[data-action="compare"]').click();
    expect(await cell(page, 'tensors').locator('[data-version="base"]').textContent()).toContain('Not recorded');

    await cell(page, 'tensors').locator('[data-action="take-article"]').click();
    expect(await codeOf('tensors')).toContain('const a = tf.tensor2d(');
    await reload();
    expect(await codeOf('tensors')).toContain('const a = tf.tensor2d(');
    expect(await cell(page, 'tensors').locator('[data-conflict]').isHidden()).toBe(true);
  });
});

describe('share links as a layer over the reader’s edits', () => {
  it('shows the shared code, leaves the address, keeps the reader’s edit for a reload and brings it back in one click', async () => {
    await replaceCode(page, 'tensors', 'print("mine")');
    await openLink({ tensors: 'print("shared")' });

    await cell(page, 'tensors').locator('[data-from-link-mark]').waitFor({ state: 'visible' });
    expect(await codeOf('tensors')).toBe('print("shared")');
    expect(page.url()).toBe(DEMO);
    expect(await page.locator('[data-session-notice]').textContent()).toContain('Your own edits are kept');

    await cell(page, 'tensors').locator('[data-action="restore-mine"]').click();
    expect(await codeOf('tensors')).toBe('print("mine")');
    expect(await cell(page, 'tensors').locator('[data-from-link-mark]').isHidden()).toBe(true);

    await openLink({ tensors: 'print("shared")' });
    expect(await codeOf('tensors')).toBe('print("shared")');
    await reload();
    expect(await codeOf('tensors')).toBe('print("mine")');
    expect(await cell(page, 'tensors').locator('[data-from-link-mark]').isHidden()).toBe(true);
  });

  it('saves the shared code when the reader keeps it, and keeps their previous edit to swap back', async () => {
    await replaceCode(page, 'tensors', 'print("mine")');
    await openLink({ tensors: 'print("shared")' });
    await cell(page, 'tensors').locator('[data-action="keep-shared"]').click();
    await reload();
    expect(await codeOf('tensors')).toBe('print("shared")');
    await cell(page, 'tensors').locator('[data-earlier]').waitFor({ state: 'visible' });
    await cell(page, 'tensors').locator('[data-action="swap-earlier"]').click();
    expect(await codeOf('tensors')).toBe('print("mine")');
    await reload();
    expect(await codeOf('tensors')).toBe('print("mine")');
  });

  it('asks, on the cell being run, before earlier cells run shared code the reader has not run', async () => {
    await openLink({ tensors: 'const a = tf.ones([4, 2]);\nprint("shared code ran");' });
    // The shared code makes the baked output of `tensors` out of date (stale); nothing runs yet.
    const states = () => Promise.all(['tensors', 'matmul'].map((id) => cell(page, id).getAttribute('data-state')));
    const before = await states();
    expect(before[0]).toBe('stale');
    await cell(page, 'matmul').locator('[data-action="run"]').click();
    const question = cell(page, 'matmul').locator('[data-shared-question]');
    await question.waitFor({ state: 'visible' });
    expect(await question.locator('code').allTextContents()).toEqual(['tensors']);
    expect(await states()).toEqual(before);

    await question.locator('[data-action="cancel-run"]').click();
    expect(await states()).toEqual(before);

    await cell(page, 'matmul').locator('[data-action="run"]').click();
    await question.locator('[data-action="skip-shared"]').click();
    expect(await waitForState(page, 'matmul', ['done', 'error'])).toBe('done');
    expect(await outputOf(page, 'tensors')).toContain('shape of a: [4, 2]');
    expect(await codeOf('tensors')).toContain('const a = tf.tensor2d(');

    await openLink({ tensors: 'const a = tf.ones([4, 2]);\nprint("shared code ran");' });
    await cell(page, 'matmul').locator('[data-action="run"]').click();
    await question.locator('[data-action="run-shared"]').click();
    expect(await waitForState(page, 'matmul', ['done', 'error'])).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('shared code ran');
  });

  it('asks before Run all runs shared code, on the first cell that shows it', async () => {
    await openLink({ tensors: 'const a = tf.ones([4, 2]);\nprint("shared code ran");' });
    await page.locator('[data-action="run-all"]').click();
    const question = cell(page, 'tensors').locator('[data-shared-question]');
    await question.waitFor({ state: 'visible' });
    expect(await question.locator('code').allTextContents()).toEqual(['tensors']);
    expect(await cell(page, 'fit').getAttribute('data-state')).toBe('idle');
    await question.locator('[data-action="run-shared"]').click();
    expect(await waitForState(page, 'fit', ['done', 'error'])).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('shared code ran');
  });
});

describe('Download my edits and Import', () => {
  it('round-trips the reader’s edits through a Markdown file into a fresh browser', async () => {
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("exported `code` ```");');
    await replaceCode(page, 'fit', 'const learnedW = 3;');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    expect(download.suggestedFilename()).toBe('tf-facile-demo-edits.md');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text).toContain('js edit id=tensors\nconst a = tf.ones([4, 2]);\nprint("exported `code` ```");\n````');
    expect(text).toContain('```js original id=fit\n');

    const context = await browser().newContext();
    const other = await context.newPage();
    await other.goto(DEMO);
    await cell(other, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
    await other.locator('[data-import-file]').setInputFiles(path);
    await other.locator('[data-session-notice]:not([hidden])').waitFor();
    expect(await other.locator('[data-session-notice]').textContent()).toBe('Imported 2 cells.');
    await other.reload();
    await cell(other, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
    expect(await cell(other, 'tensors').locator('[data-modified-mark]').isVisible()).toBe(true);
    expect(await runCell(other, 'tensors')).toBe('done');
    expect(await outputOf(other, 'tensors')).toBe('exported `code` ```');
    expect(await runCell(other, 'fit')).toBe('done');
    expect(await other.locator('[data-result="learnedW"]').textContent()).toBe('3');
    await context.close();
  });

  it('imports over a different edit without losing it, and refuses a foreign or damaged file changing nothing', async () => {
    await replaceCode(page, 'tensors', 'print("from the file")');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    const path = await download.path();
    await replaceCode(page, 'tensors', 'print("typed since")');

    await page.locator('[data-import-file]').setInputFiles(path);
    await cell(page, 'tensors').locator('[data-earlier]').waitFor({ state: 'visible' });
    expect(await codeOf('tensors')).toBe('print("from the file")');
    await cell(page, 'tensors').locator('[data-action="swap-earlier"]').click();
    expect(await codeOf('tensors')).toBe('print("typed since")');

    const foreign = (await readFile(path, 'utf8')).replace('article: demo', 'article: mnist-softmax');
    await page.locator('[data-import-file]').setInputFiles({ name: 'edits.md', mimeType: 'text/markdown', buffer: Buffer.from(foreign) });
    await waitInPage(page, () => document.querySelector('[data-session-notice]')?.textContent?.includes('not imported'));
    expect(await page.locator('[data-session-notice]').textContent()).toBe(
      'This file was not imported (it comes from another article: mnist-softmax): nothing changed.',
    );
    await page
      .locator('[data-import-file]')
      .setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# My notes\n\nnothing here') });
    await waitInPage(page, () => document.querySelector('[data-session-notice]')?.textContent?.includes('not an edits file'));
    expect(await codeOf('tensors')).toBe('print("typed since")');
    await reload();
    expect(await codeOf('tensors')).toBe('print("typed since")');
  });
});
