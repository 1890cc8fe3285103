/** axe-core in the browser tests: what counts as a failure, and how both themes are checked. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The rules whose answer depends on colours: the only ones the dark theme can change, since it
 * changes custom properties and nothing of the markup. Dark mode is checked with these alone.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Violations only: axe skips the details of what passed, faster on the long article. Legacy mode
 * runs axe in one pass inside the page; the default mode runs it per frame, then gathers the
 * results in a new blank page, 3.5x slower here (10 s against 2.8 s on the article). Its only gain,
 * cross-origin iframes, does not apply: the site has no iframe.
 */
function axe(page: Page, include?: string): AxeBuilder {
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  return include ? builder.include(include) : builder;
}

/**
 * Runs `check` with every part of the page drawn. The page skips what is off screen
 * (content-visibility: auto): axe must see it drawn, or it could not tell the colours behind text
 * there and would leave it out of the contrast check.
 */
async function withEverythingDrawn<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const style = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  try {
    return await check();
  } finally {
    await style.evaluate((element) => (element as HTMLStyleElement).remove());
  }
}

/** axe on the page as it is drawn now: the serious and critical violations, each as "rule: the first three elements". */
async function analyzeSerious(page: Page, include?: string, rules?: readonly string[]): Promise<string[]> {
  expect(await page.locator('iframe').count(), 'no iframe: axe in legacy mode would not look inside one').toBe(0);
  const builder = axe(page, include);
  const results = await (rules ? builder.withRules([...rules]) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The serious and critical violations, each as "rule: the first three elements". */
export function seriousViolations(page: Page, include?: string, rules?: readonly string[]): Promise<string[]> {
  return withEverythingDrawn(page, () => analyzeSerious(page, include, rules));
}

/**
 * Every rule on a page open in the light theme, then the colour rules once the same page has turned
 * dark (asserted: its background changes), optionally on a part of the page only. The page is drawn
 * whole once for both passes.
 */
export function seriousInBothThemes(page: Page, include?: string): Promise<{ light: string[]; dark: string[] }> {
  return withEverythingDrawn(page, async () => {
    const light = await analyzeSerious(page, include);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(), 'the page follows the dark scheme').not.toBe(lightBackground);
    const dark = await analyzeSerious(page, include, COLOUR_RULES);
    return { light, dark };
  });
}
