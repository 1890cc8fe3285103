/**
 * What showing a running cell's output costs the browser, apart from the work it shows: the article
 * page runs, in its training cell's place, a loop that only waits (10 ms a step, 1000 steps) and
 * reports what the training reports (progress at every step, a chart point every 10, a line every
 * 100), then the same loop reporting nothing; the CPU time Chromium's processes used in each run
 * (/proc, Linux only), the first minus the second, is the drawing's cost.
 *
 * CPU time rather than wall-clock time: the host's steal and the other processes' share do not
 * count, and what is measured is the drawing alone, not a small difference between two long
 * trainings (measured here: 0.84–1.04 s for one build over three runs). On a software WebGL (this machine) it is the GPU process, compositing and
 * rasterising each frame, that pays most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { cell, replaceCode, waitForState } from '../support/reader.ts';
import { clockTicksPerSecond } from './host-steal.ts';
import type { Measure } from './report.ts';

const STEPS = 1000;

function loop(reporting: boolean): string {
  const report = reporting
    ? `
  const value = 230 / (1 + i / 50);
  if (i % 10 === 0 || i === ${STEPS - 1}) plot("cross_entropy", i + 1, value);
  if (i % 100 === 0 || i === ${STEPS - 1}) print(\`step \${i + 1}: cross_entropy = \${value.toFixed(2)}\`);
  progress(i + 1, ${STEPS});`
    : '';
  return `for (let i = 0; i < ${STEPS}; i++) {\n  await new Promise((r) => setTimeout(r, 10));${report}\n}`;
}

/** Seconds of CPU used so far by the processes of the running Chromium, by process type. */
function chromiumCpuSeconds(): Record<string, number> | undefined {
  const ticks: Record<string, number> = {};
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let command: string;
      let stat: string;
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      if (!command.includes('chrom')) continue;
      const type = /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser';
      // After the command name in parentheses: utime and stime are the 12th and 13th fields.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks[type] = (ticks[type] ?? 0) + Number(fields[11]) + Number(fields[12]);
    }
    const perSecond = clockTicksPerSecond();
    return Object.fromEntries(Object.entries(ticks).map(([type, count]) => [type, count / perSecond]));
  } catch {
    return undefined;
  }
}

interface DrawingCost {
  gpuProcess: number;
  renderer: number;
}

async function oneRun(browser: Browser, pageUrl: string): Promise<DrawingCost | undefined> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pageUrl}?watch=0`);
  await cell(page, 'train').locator('[data-action="run"]').waitFor({ state: 'visible' });
  const used: Record<'reporting' | 'silent', Record<string, number>> = { reporting: {}, silent: {} };
  for (const mode of ['reporting', 'silent'] as const) {
    await replaceCode(page, 'train', loop(mode === 'reporting'));
    await cell(page, 'train').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const before = chromiumCpuSeconds();
    await cell(page, 'train').locator('[data-action="run"]').click();
    await waitForState(page, 'train', ['done'], 120_000);
    const after = chromiumCpuSeconds();
    if (!before || !after) {
      await context.close();
      return undefined;
    }
    used[mode] = Object.fromEntries(Object.keys(after).map((type) => [type, (after[type] ?? 0) - (before[type] ?? 0)]));
  }
  await context.close();
  const cost = (type: string) => (used.reporting[type] ?? 0) - (used.silent[type] ?? 0);
  return { gpuProcess: cost('gpu-process'), renderer: cost('renderer') };
}

/** The rows for the report: the drawing's CPU in the GPU process and in the page's renderer. */
export async function drawingCostMeasures(browser: Browser, pageUrl: string, runs: number): Promise<Measure[]> {
  const costs: DrawingCost[] = [];
  for (let run = 0; run < runs; run++) {
    const cost = await oneRun(browser, pageUrl);
    if (cost) costs.push(cost);
  }
  if (costs.length === 0) return [];
  const name = `showing a running cell's output (${STEPS} steps of the training's reports, no training), CPU of Chromium's`;
  return [
    { name: `${name} GPU process`, samples: costs.map((cost) => cost.gpuProcess), unit: 's' },
    { name: `${name} page (renderer)`, samples: costs.map((cost) => cost.renderer), unit: 's' },
  ];
}
