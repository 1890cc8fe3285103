/**
 * The reading experience, as a first-time visitor meets it: the opening, the contents, the
 * sticky session bar, before/after pairs, stale and outdated marks, figures in the dark theme,
 * the keyboard path.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { brightness, decodePng } from '../support/png-pixels.ts';
import { readSourceIdx } from '../support/mnist-assets.ts';
import { cell, replaceCode, runCell, waitForState, waitInPage } from '../../scripts/support/reader.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { translator } from '../../src/i18n/ui.ts';
import { activityShortText, activityText, type SessionActivity } from '../../src/client/session-activity.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function open(path: string, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser().newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${siteUrl}${path}`);
  return page;
}

/**
 * The accuracy cell on screen, queued behind `cross-entropy` (the article's longest cell id), as
 * during a Run all: the longest "waiting for" its bar has to say.
 */
async function queuedBehindCrossEntropy(page: Page): Promise<Locator> {
  const evaluate = cell(page, 'evaluate');
  await evaluate.locator('[data-action="run"]').waitFor({ state: 'visible' });
  await evaluate.scrollIntoViewIfNeeded();
  await evaluate.evaluate((element) => {
    const liveCell = element as HTMLElement & {
      setState(state: string): void;
      showWaitingFor(cell?: { id: string; label: string }): void;
    };
    liveCell.setState('queued');
    liveCell.showWaitingFor({ id: 'cross-entropy', label: 'cross-entropy' });
  });
  return evaluate;
}

/** Whether the element is entirely inside the viewport. */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
  }, selector);
}

describe('the opening', () => {
  it.each(['en', 'fr', 'ja'])('says in %s what the page is, how its cells work and what Run all downloads', async (locale) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${locale}/mnist-softmax/`);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(await page.locator('.article-opening__dek').textContent()).toBe(description);
    const how = (await page.locator('.article-opening__how').textContent()) ?? '';
    expect(how).toMatch(/Shift\+Enter|Maj\+Entrée/);
    // The data's size, read from the manifest at build time, in the page's number format.
    const manifest = (await (await fetch(`${siteUrl}data/mnist/manifest.json`)).json()) as { files: Array<{ compressedBytes: number }> };
    const megabytes = manifest.files.reduce((sum, file) => sum + file.compressedBytes, 0) / 1e6;
    const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
    expect(how).toContain(size);
    await context.close();
  });

  it('completes what Run all costs with the download time measured in this browser', async () => {
    const page = await open('en/mnist-softmax/');
    await page.locator('[data-action="run-all"]').waitFor({ state: 'visible' });
    await cell(page, 'load-data').locator('[data-action="run"]').click();
    await page.locator('[data-run-all-estimate]:not([hidden])').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-run-all-estimate]').textContent()).toMatch(
      // A space after the sentence before it (none in Japanese, after 。).
      /^ At the speed measured here, the download takes about \d+ s\.$/,
    );
    await page.context().close();
  });

  it('puts the article before the demo on the home page', async () => {
    const page = await open('en/');
    const links = await page.locator('.article-list a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.map((href) => href?.replace(/\/$/, '').split('/').at(-1))).toEqual(['mnist-softmax', 'demo']);
    await page.context().close();
  });
});

describe('the contents', () => {
  it.each(['en', 'ja'])('in %s, number each section once and nest its subsections under it', async (locale) => {
    const page = await open(`${locale}/mnist-softmax/`);
    const sections = page.locator('nav.toc .toc__list > li');
    const h2 = await page.locator('.article__body h2').allTextContents();
    expect(await sections.count()).toBe(h2.length);
    for (let index = 0; index < h2.length; index++) {
      const item = sections.nth(index);
      // The heading says its own number: the list adds none ("1. 1:" was the bug).
      expect(await item.evaluate((element) => getComputedStyle(element).listStyleType)).toBe('none');
      expect((await item.locator(':scope > a').textContent())?.trim()).toBe(h2[index]?.trim());
    }
    // Subsections sit inside their section: "4: …" holds "Matrix multiplication", "Weights"…
    const h3Count = await page.locator('.article__body h3').count();
    expect(await page.locator('nav.toc .toc__list > li > .toc__sub > li').count()).toBe(h3Count);
    await page.context().close();
  });

  it('is a sticky side column on a wide screen and folded on a phone', async () => {
    const wide = await open('en/mnist-softmax/');
    expect(await wide.locator('nav.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await wide.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    expect(await onScreen(wide, 'nav.toc .toc__list')).toBe(true);
    await wide.context().close();

    const phone = await open('en/mnist-softmax/', { width: 390, height: 844 });
    expect(await phone.locator('nav.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await phone.context().close();
  });
});

describe('the session bar', () => {
  it('stays on screen and says what runs while a deep cell waits for the cells above it', async () => {
    const page = await open('en/mnist-softmax/');
    await cell(page, 'gradients').locator('[data-action="run"]').waitFor({ state: 'visible' });
    await cell(page, 'gradients').scrollIntoViewIfNeeded();
    await cell(page, 'gradients').locator('[data-action="run"]').click();
    // The data download comes first: the bar says so, on screen, far below its place in the page.
    const activity = await waitInPage(
      page,
      () => {
        const text = document.querySelector('[data-activity]')?.textContent ?? '';
        return /^Downloading MNIST: [\d.]+ MB of 7\.8 MB/.test(text) ? text : undefined;
      },
      undefined,
      60_000,
    );
    expect(activity).toMatch(/Downloading MNIST/);
    expect(await onScreen(page, '.session-bar')).toBe(true);
    expect(await onScreen(page, '[data-cell="gradients"] [data-action="run"]')).toBe(true);
    expect(await page.locator('[data-action="stop-all"]').isEnabled()).toBe(true);
    await waitForState(page, 'train', ['running'], 90_000);
    expect(await onScreen(page, '.session-bar')).toBe(true);
    await page.context().close();
  });

  // What the bar says while a cell runs, for every cell of the page, as long as it gets: the last
  // step of a training, every cell after it queued. Put in the bar's status as the client puts it.
  it.each(LOCALES)('says in full in %s what runs, on a phone, a tablet and two desktops, with no control over another', async (locale) => {
    const t = translator(locale);
    for (const width of [390, 800, 1024, 1280]) {
      const page = await open(`${locale}/mnist-softmax/`, { width });
      await page.locator('[data-action="run-all"]').waitFor({ state: 'visible' });
      const ids = await page.locator('[data-cell]').evaluateAll((cells) => cells.map((element) => element.getAttribute('data-cell') ?? ''));
      const lines = ids.map((id, index) => {
        const activity: SessionActivity = {
          kind: 'running',
          cellId: id,
          position: index + 1,
          count: ids.length,
          label: id,
          queued: ids.length - index - 1,
          ...(id === 'train' ? { step: { done: 1000, total: 1000 } } : {}),
        };
        return [activityText(activity, t, locale), activityShortText(activity, locale)] as const;
      });
      const layout = await page.evaluate((lines) => {
        const status = document.querySelector<HTMLElement>('[data-activity]');
        const bar = document.querySelector<HTMLElement>('[data-session]');
        if (!status || !bar) throw new Error('no session bar');
        const cut: string[] = [];
        for (const [long, short] of lines) {
          // As the client writes a running cell's line: a link holding the sentence and its short form.
          const link = document.createElement('a');
          link.href = '#';
          const [longSpan, shortSpan] = [document.createElement('span'), document.createElement('span')];
          longSpan.className = 'session-bar__long';
          longSpan.textContent = long;
          shortSpan.className = 'session-bar__short';
          shortSpan.setAttribute('aria-hidden', 'true');
          shortSpan.textContent = short;
          link.append(longSpan, shortSpan);
          status.setAttribute('data-busy', '');
          status.replaceChildren(link);
          if (status.scrollWidth > status.clientWidth + 1) cut.push(getComputedStyle(shortSpan).display === 'none' ? long : short);
        }
        const shown = [...bar.querySelectorAll<HTMLElement>('button, select, [data-activity]')].filter(
          (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility === 'visible',
        );
        const overlaps: string[] = [];
        shown.forEach((a, i) =>
          shown.slice(i + 1).forEach((b) => {
            const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            const overlap =
              Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
            if (overlap) overlaps.push(`${a.textContent?.trim()} / ${b.textContent?.trim()}`);
          }),
        );
        // The cells' own bars stick right under it: its height is the one they are told.
        return { cut, overlaps, height: bar.offsetHeight, expected: parseFloat(getComputedStyle(bar).minHeight) };
      }, lines);
      expect({ width, cut: layout.cut, overlaps: layout.overlaps }).toEqual({ width, cut: [], overlaps: [] });
      expect(Math.abs(layout.height - layout.expected)).toBeLessThanOrEqual(1);
      await page.context().close();
    }
  });

  it('says "running cell 7 of 20: train (step …)" and the queued cell links to it', async () => {
    const page = await open('en/mnist-softmax/');
    await cell(page, 'gradients').locator('[data-action="run"]').click();
    await waitForState(page, 'train', ['running'], 90_000);
    // Its place among the page's cells, as the reader counts them.
    const [position, count] = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[data-cell]')].map((element) => element.getAttribute('data-cell'));
      return [ids.indexOf('train') + 1, ids.length];
    });
    await waitInPage(
      page,
      (expected) =>
        new RegExp(`^Running cell ${expected}: train \\(step \\d+/1000\\)`).test(
          document.querySelector('[data-activity]')?.textContent ?? '',
        ),
      `${position} of ${count}`,
      90_000,
    );
    const waiting = cell(page, 'gradients').locator('[data-waiting-for] a');
    expect(await waiting.getAttribute('href')).toBe('#cell-train');
    await page.context().close();
  });
});

describe('controls', () => {
  it('each take a row of their own, under one another, as wide as the prose', async () => {
    const page = await open('en/mnist-softmax/');
    const prose = await page
      .locator('.article__body > p')
      .first()
      .evaluate((paragraph) => paragraph.getBoundingClientRect().width);
    const boxes = await page
      .locator('[data-control]')
      .evaluateAll((controls) => controls.map((control) => control.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [index, box] of boxes.entries()) {
      expect(Math.abs(box.width - prose)).toBeLessThanOrEqual(1);
      if (index > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[index - 1]?.bottom ?? 0);
    }
    await page.context().close();
  });
});

describe('cells', () => {
  it('show a queued cell’s wait as a link to the cell it waits for', async () => {
    const page = await open('en/demo/');
    await cell(page, 'fit').locator('[data-action="run"]').waitFor({ state: 'visible' });
    await cell(page, 'fit').evaluate((element) => {
      const liveCell = element as HTMLElement & {
        setState(state: string): void;
        showWaitingFor(cell?: { id: string; label: string }): void;
      };
      liveCell.setState('queued');
      liveCell.showWaitingFor({ id: 'tensors', label: 'tensors' });
    });
    const waiting = cell(page, 'fit').locator('[data-waiting-for]');
    expect(await waiting.textContent()).toBe('Waiting for cell tensors');
    await waiting.locator('a').click();
    await page.waitForURL(/#cell-tensors$/);
    expect(await onScreen(page, '#cell-tensors')).toBe(true);
    // Once it runs, it no longer waits.
    await cell(page, 'fit').evaluate((element) => (element as HTMLElement & { setState(state: string): void }).setState('running'));
    expect(await waiting.isHidden()).toBe(true);
    await page.context().close();
  });

  // Beside its original on a wide screen a cell is about 520 px wide: its label gives way.
  it('say in full, beside their original and in French, which cell a queued cell waits for', async () => {
    const page = await open('fr/mnist-softmax/');
    const evaluate = await queuedBehindCrossEntropy(page);
    const waiting = evaluate.locator('[data-waiting-for]');
    expect(await waiting.isVisible()).toBe(true);
    expect(await waiting.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.context().close();
  });

  // A run replaces the output: without the hold, the old output went at once and what follows
  // jumped up, then crept down a line at a time as the new one came.
  it('keep their height while a run refills their output, so that what follows does not move', async () => {
    const page = await open('en/demo/');
    const tensors = cell(page, 'tensors');
    await tensors.locator('[data-action="run"]').waitFor({ state: 'visible' });
    await replaceCode(page, 'tensors', 'await new Promise((resolve) => setTimeout(resolve, 600));\nprint("one line");');
    await tensors.scrollIntoViewIfNeeded();
    const tops = tensors.evaluate(
      (element) =>
        new Promise<{ before: number; lowest: number; frames: number }>((done) => {
          const next = element.nextElementSibling as HTMLElement;
          const before = next.getBoundingClientRect().top;
          let lowest = before;
          let frames = 0;
          const look = () => {
            // Until the run ends: then the result takes the height of the new output (one line here).
            if (element.getAttribute('data-state') === 'done') return done({ before, lowest, frames });
            lowest = Math.min(lowest, next.getBoundingClientRect().top);
            frames += 1;
            requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }),
    );
    await tensors.locator('[data-action="run"]').click();
    const { before, lowest, frames } = await tops;
    expect(frames).toBeGreaterThan(5);
    expect(lowest).toBeGreaterThanOrEqual(before - 0.5);
    // Once the run is over, the result takes the height of what it shows: one line.
    expect(await tensors.locator('.live-cell__result').evaluate((result) => (result as HTMLElement).style.minHeight)).toBe('');
    expect(await tensors.evaluate((element) => (element.nextElementSibling as HTMLElement).getBoundingClientRect().top)).toBeLessThan(
      before,
    );
    await page.context().close();
  });

  // On a phone the three buttons' words took all but 75 px of the bar in French: they show icons
  // there, and keep the words as their names. The longest cell id of the article: cross-entropy.
  it('say in full on a phone which cell a queued cell waits for, with buttons still named in words', async () => {
    for (const lang of LOCALES) {
      const t = translator(lang);
      const page = await open(`${lang}/mnist-softmax/`, { width: 390, height: 800 });
      const evaluate = await queuedBehindCrossEntropy(page);
      const waiting = evaluate.locator('[data-waiting-for]');
      expect(await waiting.textContent()).toBe(t('cell.waitingFor', { label: 'cross-entropy' }));
      expect(await waiting.evaluate((element) => element.scrollWidth <= element.clientWidth), lang).toBe(true);
      for (const action of ['run', 'stop', 'reset'] as const) {
        const button = evaluate.getByRole('button', { name: t(`cell.${action}`), exact: true });
        expect(await button.count(), `${lang} ${action}`).toBe(1);
        const box = await button.boundingBox();
        // A finger's target: WCAG 2.2's minimum is 24 px.
        expect(Math.min(box?.width ?? 0, box?.height ?? 0), `${lang} ${action}`).toBeGreaterThanOrEqual(24);
      }
      await page.context().close();
    }
  });

  it('dim and label an edited cell’s old output until the cell runs again', async () => {
    const page = await open('en/demo/');
    const tensors = cell(page, 'tensors');
    await tensors.locator('[data-action="run"]').waitFor({ state: 'visible' });
    expect(await tensors.locator('[data-outdated-label]').isVisible()).toBe(false);
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("edited")');
    expect(await tensors.getAttribute('data-output-outdated')).toBe('');
    expect(await tensors.locator('[data-outdated-label]').textContent()).toBe(
      'Old output: the code changed since. Run the cell to update it.',
    );
    // Dimmed to the muted colour of the page (readable, unlike a faded opacity), unlike a current output.
    const colour = (id: string) =>
      cell(page, id)
        .locator('[data-output]')
        .evaluate((output) => getComputedStyle(output).color);
    expect(await colour('tensors')).not.toBe(await colour('fit'));
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await tensors.locator('[data-outdated-label]').isVisible()).toBe(false);
    expect(await tensors.getAttribute('data-output-outdated')).toBeNull();
    await page.context().close();
  });

  it('mark the failing line in the editor, explain a syntax error and never say "Error: Error"', async () => {
    const page = await open('en/demo/');
    await replaceCode(page, 'matmul', 'const b = 1;\nconst c = (2;');
    expect(await runCell(page, 'matmul')).toBe('error');
    expect(await cell(page, 'matmul').locator('.cm-line.cm-error-line').textContent()).toBe('const c = (2;');
    expect(await cell(page, 'matmul').locator('[data-error] p').textContent()).toMatch(/does not read as JavaScript/);
    // Editing clears the mark: it pointed at code that is gone.
    await replaceCode(page, 'matmul', 'tf.matMul(tf.ones([2, 3]), tf.ones([2, 3]))');
    expect(await cell(page, 'matmul').locator('.cm-error-line').count()).toBe(0);
    expect(await runCell(page, 'matmul')).toBe('error');
    const headline = (await cell(page, 'matmul').locator('[data-error] > div').textContent()) ?? '';
    expect(headline).toMatch(/^Error in matMul/);
    expect(headline).not.toMatch(/Error: Error/);
    expect(await cell(page, 'matmul').locator('.cm-line.cm-error-line').textContent()).toBe('tf.matMul(tf.ones([2, 3]), tf.ones([2, 3]))');
    await page.context().close();
  });

  it('carry an "out of date" label for stale values, figures and cells, read by screen readers', async () => {
    const page = await open('fr/mnist-softmax/');
    await cell(page, 'softmax').locator('[data-action="run"]').waitFor({ state: 'visible' });
    const labels = () =>
      page.evaluate(() =>
        ['[data-result="accuracy"] + .live-result__stale', '[data-figure="weights-heatmaps"] [data-stale-label]'].map((selector) => {
          const element = document.querySelector<HTMLElement>(selector);
          return element && element.checkVisibility() ? (element.textContent ?? '').trim() : '';
        }),
      );
    expect(await labels()).toEqual(['', '']);
    await page.evaluate(() => {
      document.querySelector('[data-result="accuracy"]')?.setAttribute('data-state', 'stale');
      document.querySelector('[data-figure="weights-heatmaps"]')?.setAttribute('data-state', 'stale');
    });
    expect(await labels()).toEqual(['(périmé)', 'Figure périmée : exécutez les cellules pour la mettre à jour.']);
    await cell(page, 'softmax').evaluate((element) => (element as HTMLElement & { setState(state: string): void }).setState('stale'));
    expect(await cell(page, 'softmax').locator('[data-status]').textContent()).toBe('à relancer');
    await page.context().close();
  });
});

describe('cells not drawn yet', () => {
  it('take about the height they will have once drawn, in each language, on a phone and a wide screen', async () => {
    // The build estimates each cell's height from its wrapped code, output, dependency line and
    // chart (src/build/cell-height.ts). Counting source lines alone was off by up to 388 px.
    for (const locale of LOCALES) {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 900 },
      ]) {
        const page = await open(`${locale}/mnist-softmax/`, viewport);
        const heights = () =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('live-cell')].map((cell) => ({
              id: cell.dataset['cell'] ?? '',
              height: cell.getBoundingClientRect().height,
            })),
          );
        // Far from the screen, a cell is its estimate; then every cell is drawn.
        const estimated = await heights();
        await page.addStyleTag({ content: 'live-cell { content-visibility: visible !important; }' });
        const drawn = await heights();
        const errors = estimated.map(({ id, height }, index) => ({ id, error: Math.round((drawn[index]?.height ?? Number.NaN) - height) }));
        const worst = errors.reduce((a, b) => (Math.abs(b.error) > Math.abs(a.error) ? b : a));
        expect(Math.abs(worst.error), `${locale} at ${viewport.width} px: ${JSON.stringify(errors)}`).toBeLessThanOrEqual(50);
        await page.context().close();
      }
    }
  });
});

describe('landing on a cell', () => {
  it('keeps it where it landed while the cells and originals around it are drawn, on a wide screen and a phone', async () => {
    // A link or a search brings the reader to a cell far down a cold page: the cells and originals
    // above and around it were skipped until then, sized from their lines (LiveCell.css). Drawing
    // them must not push the cell away (with one estimate for every cell, `evaluate` moved 357 px).
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await open('en/mnist-softmax/', viewport);
      await cell(page, 'rank-shape').locator('[data-action="run"]').waitFor({ state: 'visible' });
      // Down the page, each far from the last: each lands among cells not drawn yet.
      for (const id of ['train', 'softmax', 'evaluate', 'gradients']) {
        // Where it lands, read in the same task as the jump: before any frame has drawn what is near.
        const landed = await page.evaluate((id) => {
          document.getElementById(`cell-${id}`)?.scrollIntoView({ block: 'center' });
          return document.querySelector(`[data-cell="${id}"] [data-action="run"]`)?.getBoundingClientRect().top ?? Number.NaN;
        }, id);
        // Two frames and a pause: what is near the screen has been drawn.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.waitForTimeout(300);
        const settled = await page.evaluate(
          (id) => document.querySelector(`[data-cell="${id}"] [data-action="run"]`)?.getBoundingClientRect().top ?? Number.NaN,
          id,
        );
        expect(Math.abs(settled - landed), `${id} at ${viewport.width} px: landed at ${landed}, then ${settled}`).toBeLessThan(40);
      }
      await page.context().close();
    }
  });
});

describe('before and after', () => {
  it('reads each original and its live cell as one unit, captioned by the original post’s title', async () => {
    const page = await open('en/mnist-softmax/');
    const pair = page.locator('[data-code-pair]', { has: page.locator('[data-cell="variables"]') });
    expect(await pair.locator('.code-pair__caption').textContent()).toBe('The weights W');
    expect(await pair.locator('[data-original-code]').count()).toBe(1);
    // Side by side on a wide screen: the original left of the live cell, on the same line.
    const [original, live] = await Promise.all([
      pair.locator('[data-original-code]').boundingBox(),
      pair.locator('[data-cell]').boundingBox(),
    ]);
    expect(original && live && original.x + original.width <= live.x && Math.abs(original.y - live.y) < 2).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    const [originalPhone, livePhone] = await Promise.all([
      pair.locator('[data-original-code]').boundingBox(),
      pair.locator('[data-cell]').boundingBox(),
    ]);
    expect(originalPhone && livePhone && originalPhone.y + originalPhone.height <= livePhone.y).toBe(true);
    // Every original of the article is paired, in every language.
    expect(await page.locator('[data-original-code]').count()).toBe(await page.locator('[data-code-pair] [data-original-code]').count());
    await page.context().close();
  });
});

describe('figures in the dark theme', () => {
  it('draw MNIST digits and weight heat maps as light ink on a black background', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('en/mnist-softmax/', { colorScheme });
      const digit = decodePng(await page.locator('.mnist-digit__image').first().screenshot());
      const heatmap = decodePng(await page.locator('.weights-heatmaps__grid img').first().screenshot());
      // The top-left corner is paper (no ink, zero weight); the digit's ink crosses its middle row.
      const paper = [brightness(digit, 4, 4), brightness(heatmap, 4, 4)];
      const inkiest = Math.max(
        ...Array.from({ length: digit.width - 3 }, (_, x) => Math.abs(brightness(digit, x, digit.height / 2) - (paper[0] ?? 0))),
      );
      if (colorScheme === 'dark') expect(paper.every((value) => value < 40)).toBe(true);
      else expect(paper.every((value) => value > 215)).toBe(true);
      expect(inkiest).toBeGreaterThan(150);
      await page.context().close();
    }
  });
});

describe('the pixel grid', () => {
  it('shows each pixel’s value where that pixel is, at a size one can read', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    const grid = page.locator('[data-figure="mnist-digit"][data-index="0"] .mnist-digit__grid').first();
    // Each value's row and column, from where its cell is drawn inside the grid.
    const drawn = await grid.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const size = (box.width - 2) / 28; // inside the 1px border
      const cells: Record<string, string> = {};
      for (const cell of element.querySelectorAll('span')) {
        const at = cell.getBoundingClientRect();
        // One pixel's square, neither stretched nor squeezed.
        if (Math.abs(at.width - size) > 0.5 || Math.abs(at.height - size) > 0.5)
          return { misdrawn: `${at.width} x ${at.height}, not ${size}` };
        const row = Math.floor((at.top + at.height / 2 - box.top) / size);
        const column = Math.floor((at.left + at.width / 2 - box.left) / size);
        if (cell.textContent) cells[`${row},${column}`] = cell.textContent;
      }
      return { cells, fontSize: parseFloat(getComputedStyle(element.querySelector('span') ?? element).fontSize) };
    });
    // Test image 0 in the original IDX file: 16 header bytes, then 28 x 28 bytes.
    const pixels = (await readSourceIdx('t10k-images-idx3-ubyte')).subarray(16, 16 + 784);
    const expected: Record<string, string> = {};
    pixels.forEach((value, pixel) => {
      if (value > 0) expected[`${Math.floor(pixel / 28)},${pixel % 28}`] = (value / 255).toFixed(1);
    });
    if ('misdrawn' in drawn) throw new Error(`a grid cell is ${drawn.misdrawn}`);
    expect(drawn.cells).toEqual(expected);
    expect(drawn.fontSize).toBeGreaterThanOrEqual(7);
    await context.close();
  });
});

describe('the keyboard path', () => {
  it('starts with a skip link to the article, then reaches Run all in a few Tab stops', async () => {
    const page = await open('en/mnist-softmax/');
    await page.locator('[data-action="run-all"]').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: document.activeElement?.checkVisibility(),
    }));
    expect(skip).toEqual({ text: 'Skip to the article', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    const stops: string[] = [];
    for (let i = 0; i < 4 && !stops.includes('run-all'); i++) {
      await page.keyboard.press('Tab');
      stops.push((await page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName)) ?? '');
    }
    expect(stops).toContain('run-all');
    await page.context().close();
  });

  it('meets each control once: a cell whose editor loads meanwhile does not take the focus back', async () => {
    const page = await open('en/demo/');
    await cell(page, 'tensors').locator('[data-action="run"]').focus();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      // Editors load while the reader tabs on (the first focus on the code starts one).
      await page.waitForTimeout(100);
      seen.push(
        await page.evaluate(
          () =>
            // A link of the dependency line ("used by matmul") is a stop of its own, named by its text.
            `${document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell')}:${
              document.activeElement?.getAttribute('data-action') ??
              (document.activeElement instanceof HTMLAnchorElement ? `link ${document.activeElement.textContent}` : 'code')
            }`,
        ),
      );
    }
    await cell(page, 'tensors').locator('.cm-editor').waitFor();
    expect(seen.slice(0, 7)).toEqual([
      'tensors:reset',
      'tensors:code',
      'tensors:link matmul',
      'matmul:run',
      'matmul:reset',
      'matmul:code',
      'matmul:link tensors',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    await page.context().close();
  });
});

describe('the theme button', () => {
  it('is named for what it does, in both themes, without changing width', async () => {
    const page = await open('en/demo/', { colorScheme: 'dark' });
    const button = page.locator('[data-action="theme"]');
    await button.waitFor({ state: 'visible' });
    const width = (await button.boundingBox())?.width;
    expect(await button.evaluate((element) => element.checkVisibility() && (element as HTMLElement).innerText.trim())).toBe(
      '☀ Switch to light theme',
    );
    await button.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await button.evaluate((element) => (element as HTMLElement).innerText.trim())).toBe('☾ Switch to dark theme');
    expect((await button.boundingBox())?.width).toBe(width);
    await page.context().close();
  });
});
