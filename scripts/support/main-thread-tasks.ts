/**
 * The page's main-thread tasks while something happens, measured two ways: the long tasks a
 * PerformanceObserver reports (wall-clock, as the reader feels them), and each task's own CPU
 * time from Chromium's trace. On a machine shared with other work the wall-clock time of a task
 * includes the time the system gave to other processes (measured here: a 745 ms long task that
 * ran 5 ms), so what a task costs the page is its CPU time.
 */
import type { Page } from 'playwright-core';

export interface MainThreadTasks {
  /** Long tasks (over 50 ms of wall-clock time) the page's PerformanceObserver saw, in ms. */
  longTasks: number[];
  /** CPU time of every task of the page's main thread, in ms, longest first. */
  cpuMs: number[];
}

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export async function measureMainThread(page: Page, during: () => Promise<void>): Promise<MainThreadTasks> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // Chromium's trace events: the protocol types them as string maps, they hold numbers too.
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  // The page's renderer: the process that ran the site's scripts.
  const pagePid = events.find((event) => event.name === 'FunctionCall' && event.args?.data?.url?.includes('/_astro/'))?.pid;
  const mainThread = events.find((event) => event.pid === pagePid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const cpuMs = events
    .filter((event) => event.name === 'RunTask' && event.pid === mainThread?.pid && event.tid === mainThread.tid)
    .map((event) => (event.tdur ?? 0) / 1000)
    .sort((a, b) => b - a);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { longTasks, cpuMs };
}
