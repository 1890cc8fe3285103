/**
 * Screenshots of the built site, for the README and for reviewing the reading experience.
 *
 *   node scripts/screenshots.ts            the README's pictures: the article's first screen,
 *                                          light and dark (docs/screenshots/article-*.png)
 *   node scripts/screenshots.ts --all      every screen of the English article at 1280 x 900 and
 *                                          390 x 844, light and dark, and the first screens of the
 *                                          French and Japanese articles (screenshots/, not committed)
 *   --build                                build the site first (otherwise dist/ must exist)
 *
 * Pictures depend on the fonts the machine has: the site uses the system's (Charter, Georgia,
 * Hiragino, Noto...), so take the README's on a machine with common fonts installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { buildSite, PROJECT_ROOT } from './support/build-site.ts';
import { serveStatic } from './support/static-server.ts';

type Scheme = 'light' | 'dark';

interface Shot {
  path: string;
  width: number;
  height: number;
  scheme: Scheme;
  file: string;
  /** Every screen down the page, not only the first. */
  everyScreen?: boolean;
}

const args = new Set(process.argv.slice(2));
const dist = resolve(PROJECT_ROOT, 'dist');
if (args.has('--build') || !existsSync(dist)) buildSite();

const readme: Shot[] = (['light', 'dark'] as const).map((scheme) => ({
  path: 'en/mnist-softmax/',
  width: 1280,
  height: 800,
  scheme,
  file: `docs/screenshots/article-${scheme}.png`,
}));

const review: Shot[] = [
  ...(['light', 'dark'] as const).flatMap((scheme) =>
    [
      [1280, 900],
      [390, 844],
    ].map(([width = 0, height = 0]) => ({
      path: 'en/mnist-softmax/',
      width,
      height,
      scheme,
      file: `screenshots/en-${width}-${scheme}`,
      everyScreen: true,
    })),
  ),
  ...['fr', 'ja'].flatMap((locale) =>
    [1280, 390].map((width) => ({
      path: `${locale}/mnist-softmax/`,
      width,
      height: width > 600 ? 900 : 844,
      scheme: 'light' as const,
      file: `screenshots/${locale}-${width}-light.png`,
    })),
  ),
];

async function take(browser: Browser, siteUrl: string, shot: Shot): Promise<string[]> {
  const phone = shot.width < 600;
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    colorScheme: shot.scheme,
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  await page.goto(`${siteUrl}${shot.path}`);
  await page.locator('[data-action="run-all"]').waitFor({ state: 'visible' });
  const files: string[] = [];
  if (!shot.everyScreen) {
    const file = resolve(PROJECT_ROOT, shot.file);
    mkdirSync(resolve(file, '..'), { recursive: true });
    await page.screenshot({ path: file });
    files.push(file);
  } else {
    mkdirSync(resolve(PROJECT_ROOT, shot.file), { recursive: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let screen = 0; screen * shot.height < height; screen++) {
      await page.evaluate((y) => scrollTo(0, y), screen * shot.height);
      // Editors load near the screen once the reader is active; let them settle.
      await page.waitForTimeout(250);
      const file = resolve(PROJECT_ROOT, shot.file, `${String(screen + 1).padStart(3, '0')}.png`);
      await page.screenshot({ path: file });
      files.push(file);
    }
  }
  await context.close();
  return files;
}

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const shot of args.has('--all') ? review : readme) {
    const files = await take(browser, server.url, shot);
    console.log(
      `${shot.path} ${shot.width}px ${shot.scheme}: ${files.length === 1 ? files[0] : `${files.length} screens in ${shot.file}`}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
