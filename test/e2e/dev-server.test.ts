/**
 * The newcomer's first command: `npm run dev` on a fresh clone (an empty Vite cache), then a first
 * edit and Run all. The dev server must know everything the worker and the editor import up front,
 * or it re-optimises dependencies mid-session and reloads the page, losing the reader's click.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/support/build-site.ts';
import { cell, replaceCode, waitForState } from '../../scripts/support/reader.ts';
import { useBrowser } from '../support/use-browser.ts';

const browser = useBrowser();
let server: ChildProcess | undefined;
let url = '';
let log = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  // An empty dependency cache, as after `npm install` on a fresh clone.
  rmSync(resolve(PROJECT_ROOT, 'node_modules/.vite'), { recursive: true, force: true });
  const port = await freePort();
  // Vitest's own variables (NODE_ENV=test, BASE_URL, VITEST...) would change how Vite serves the site.
  const environment: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|BASE_URL|TEST$|MODE$)/.test(name)),
  );
  environment['NODE_ENV'] = 'development';
  server = spawn(
    process.execPath,
    [resolve(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((ready, fail) => {
    const onData = (data: Buffer) => {
      log += data.toString();
      if (/watching for file changes/.test(log)) ready();
    };
    server?.stdout?.on('data', onData);
    server?.stderr?.on('data', onData);
    server?.once('exit', (code) => fail(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
  url = `http://127.0.0.1:${port}/`;
}, 120_000);

afterAll(() => {
  server?.kill();
});

describe('npm run dev on a fresh clone', () => {
  it('completes a first edit, Run all and a cell using the layers API without reloading the page', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.goto(`${url}en/demo/`);
    await page.locator('[data-action="run-all"]').waitFor({ state: 'visible', timeout: 60_000 });
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("edited in dev");');
    await page.locator('[data-action="run-all"]').click();
    await waitForState(page, 'fit', ['done'], 120_000);
    expect(await cell(page, 'tensors').locator('[data-output]').textContent()).toBe('edited in dev');
    // The layers API, which the worker imports on first use, is known up front too.
    await replaceCode(
      page,
      'matmul',
      'const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] })] });\nprint(m.outputs[0].shape);',
    );
    await cell(page, 'matmul').locator('[data-action="run"]').click();
    expect(await waitForState(page, 'matmul', ['done', 'error'], 120_000)).toBe('done');
    expect(await cell(page, 'matmul').locator('[data-output]').textContent()).toBe('[null, 3]');
    expect(loads).toBe(1);
    expect(log).not.toMatch(/optimized dependencies changed|reloading/);
    await context.close();
  });
});
