/** What a reader does with live cells, as Playwright steps, shared by the browser tests. */
import type { Locator, Page } from 'playwright-core';

/**
 * How often a wait looks at the page. Playwright's default for waitForFunction polls on every
 * animation frame, which makes the page render 60 frames a second for as long as the wait lasts: on
 * the whole article, with the "GPU" on the same cores, that steals time from the cells being waited
 * for (and from the bare page less, its document being tiny). A timer looks without rendering.
 */
export const POLL_MS = 50;

/**
 * Waits until `predicate`, run in the page, returns (or resolves to) a truthy value, looking every
 * POLL_MS, and returns that value (which must be JSON: a flag, a string, a number). The tests and
 * the bench wait through here, so that no wait falls back on Playwright's polling on every
 * animation frame.
 */
export async function waitInPage<R, Arg = undefined>(
  page: Page,
  predicate: (arg: Arg) => R,
  arg?: Arg,
  timeout?: number,
): Promise<NonNullable<Awaited<R>>> {
  const handle = await page.waitForFunction(predicate as (arg: unknown) => R, arg, {
    polling: POLL_MS,
    ...(timeout === undefined ? {} : { timeout }),
  });
  return (await handle.jsonValue()) as NonNullable<Awaited<R>>;
}

export function cell(page: Page, id: string): Locator {
  return page.locator(`[data-cell="${id}"]`);
}

export async function waitForState(page: Page, id: string, states: readonly string[], timeout = 90_000): Promise<string> {
  const state = await waitInPage(
    page,
    ({ id, states }) => {
      const state = document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-state');
      return state && states.includes(state) ? state : undefined;
    },
    { id, states },
    timeout,
  );
  return state;
}

export async function runCell(page: Page, id: string): Promise<string> {
  await cell(page, id).locator('[data-action="run"]').click();
  return waitForState(page, id, ['done', 'error']);
}

export async function outputOf(page: Page, id: string): Promise<string> {
  return (await cell(page, id).locator('[data-output]').textContent()) ?? '';
}

export async function errorOf(page: Page, id: string): Promise<string> {
  return (await cell(page, id).locator('[data-error]').textContent()) ?? '';
}

/** Replaces the cell's code the way a reader would: focus the editor, select all, type. */
export async function replaceCode(page: Page, id: string, code: string): Promise<void> {
  const codeArea = cell(page, id).locator('[data-code]');
  await codeArea.click();
  const editor = cell(page, id).locator('.cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  if (code === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(code);
  await waitForEditorText(page, id, code);
}

/** The editor's text as CodeMirror holds it (one .cm-line per line). */
export async function waitForEditorText(page: Page, id: string, expected: string): Promise<void> {
  await waitInPage(
    page,
    ({ id, expected }) => {
      const lines = [...document.querySelectorAll(`[data-cell="${id}"] .cm-line`)].map((line) => line.textContent ?? '');
      return lines.join('\n') === expected;
    },
    { id, expected },
    10_000,
  );
}

/**
 * Sets the article's "Training steps" control, by default to its least, 100, as a reader may: for
 * the tests whose point is what runs, what goes stale or what memory does, not the trained model's
 * accuracy. The training cell, expensive, then waits for its Run button.
 */
export async function trainBriefly(page: Page, steps = 100): Promise<void> {
  await page.locator('[data-control="steps"] input[type="number"]:not([disabled])').fill(String(steps));
  await waitInPage(page, () => document.querySelector('[data-cell="train"] [data-action="run"]')?.hasAttribute('data-waiting'));
}
