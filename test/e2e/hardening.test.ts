import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser, useFreshPage } from '../support/use-browser.ts';
import { cell, errorOf, outputOf, replaceCode, runCell, trainBriefly, waitForState, waitInPage } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
const freshPage = useFreshPage(browser, 'en/demo/');
let page: Page;
beforeEach(() => {
  page = freshPage();
});

describe('broken code', () => {
  it.each([
    ['a thrown value that is not an Error', 'const ok = 1;\nthrow { code: 7 };', /Thrown: \{"code":7\}/],
    ['an awaited rejected promise', 'const ok = 1;\nawait Promise.reject(new Error("refused"));', /Error: refused \(line 2, column 22\)/],
    [
      'a timer that throws while the cell waits for it',
      'await new Promise(() => {\n  setTimeout(() => {\n    null.x;\n  }, 10);\n});',
      /TypeError: .*null.* \(line 3, column 10\)/,
    ],
    ['infinite recursion', 'function f() {\n  return f();\n}\nf();', /RangeError: Maximum call stack size exceeded/],
    ['a huge array', 'const big = new Array(2 ** 32);', /RangeError: Invalid array length \(line 1, column 13\)/],
  ])('shows %s inline, with the cell in error', async (_case, code, expected) => {
    await replaceCode(page, 'tensors', code);
    expect(await runCell(page, 'tensors')).toBe('error');
    expect(await errorOf(page, 'tensors')).toMatch(expected);
    expect(await cell(page, 'matmul').getAttribute('data-state')).toBe('idle');
  });

  it('reports an error thrown by a callback after its cell finished, under that cell', async () => {
    await replaceCode(page, 'tensors', 'setTimeout(() => {\n  throw new Error("later");\n}, 200);\nprint("finished");');
    expect(await runCell(page, 'tensors')).toBe('done');
    await waitForState(page, 'tensors', ['error'], 5_000);
    expect(await errorOf(page, 'tensors')).toMatch(/Error: later \(line 2, column 9\)/);
    expect(await outputOf(page, 'tensors')).toBe('finished');
  });

  it('reports a promise rejected and never awaited', async () => {
    await replaceCode(page, 'tensors', 'Promise.reject(new Error("nobody listens"));\nprint("returned");');
    await cell(page, 'tensors').locator('[data-action="run"]').click();
    await waitForState(page, 'tensors', ['error'], 5_000);
    expect(await errorOf(page, 'tensors')).toMatch(/Error: nobody listens \(line 1, column 16\)/);
  });

  it('creates tf.zeros([1e9]) lazily and prints it without reading 4 GB back', async () => {
    await replaceCode(page, 'tensors', 'const z = tf.zeros([1e9]);\nprint(z);');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('tf.Tensor(<1000000000 values, too many to print>, shape=(1000000000,), dtype=float32)');
  });

  it('refuses a tensor too large for the backend with a clear error, and the session goes on', async () => {
    await replaceCode(page, 'tensors', 'const huge = tf.zeros([1e9, 1e3]);');
    expect(await runCell(page, 'tensors')).toBe('error');
    expect(await errorOf(page, 'tensors')).not.toBe('');
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("still alive");');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('still alive');
  });
});

describe('hostile output', () => {
  it('renders printed HTML and script payloads as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.pwned = true"></script><script>window.pwned = true</script>';
    await replaceCode(page, 'tensors', `print(${JSON.stringify(payload)});\nthrow new Error(${JSON.stringify(payload)});`);
    expect(await runCell(page, 'tensors')).toBe('error');
    expect(await outputOf(page, 'tensors')).toBe(payload);
    expect(await errorOf(page, 'tensors')).toContain(payload);
    expect(await cell(page, 'tensors').locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  });
});

describe('cell code and the page', () => {
  it('cannot reach the page’s channel: posting or closing is refused with a clear error, and the session goes on', async () => {
    for (const code of ['postMessage({ type: "fatal", message: "fake" });', 'globalThis.postMessage({ type: "gpu-lost" });', 'close();']) {
      await replaceCode(page, 'tensors', code);
      expect(await runCell(page, 'tensors')).toBe('error');
      expect(await errorOf(page, 'tensors')).toMatch(/(postMessage|close)\(\) is not available in a cell/);
    }
    await replaceCode(page, 'tensors', 'print("the session goes on");');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('the session goes on');
    expect(await page.locator('[data-session-notice]').isHidden()).toBe(true);
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
  });
});

describe('concurrency', () => {
  it('runs a cell once when Run or Run all is pressed during a run, and runs what it needs first', async () => {
    // Globals of the worker count the runs: an output is cleared at each run, a counter is not.
    await replaceCode(
      page,
      'tensors',
      'globalThis.log = [...(globalThis.log ?? []), "tensors"];\nawait new Promise((resolve) => setTimeout(resolve, 700));\nconst marker = 1;\nprint("tensors ran");',
    );
    await replaceCode(page, 'matmul', 'marker;\nglobalThis.log = [...(globalThis.log ?? []), "matmul"];\nprint(globalThis.log.join(" "));');
    const runMatmul = cell(page, 'matmul').locator('[data-action="run"]');
    const runTensors = cell(page, 'tensors').locator('[data-action="run"]');
    await runMatmul.click();
    await waitForState(page, 'tensors', ['running']);
    await runMatmul.click();
    await runTensors.click();
    await runMatmul.click();
    await page.locator('[data-action="run-all"]').click();
    await waitForState(page, 'fit', ['done']);
    await waitInPage(page, () => !document.querySelector('[data-state="queued"], [data-state="running"]'));
    expect(await outputOf(page, 'tensors')).toBe('tensors ran');
    expect(await outputOf(page, 'matmul')).toBe('tensors matmul');
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
  });
});

describe('memory', () => {
  it('keeps the tensor count where the first run of the training cell left it, and memory stops growing', async () => {
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    // A leak per step shows after 100 steps as after 1000.
    await trainBriefly(page);
    const runTrain = cell(page, 'train').locator('[data-action="run"]');
    const memory = page.locator('[data-memory]');
    const runTrainAgain = async (): Promise<void> => {
      await runTrain.click();
      await waitForState(page, 'train', ['running']);
      await waitForState(page, 'train', ['done'], 180_000);
    };
    await runTrain.click();
    await waitForState(page, 'train', ['done'], 180_000);
    const afterFirst = await memory.getAttribute('data-tensors');
    expect(Number(afterFirst)).toBeGreaterThan(0);
    expect(Number(await memory.getAttribute('data-gpu-bytes'))).toBeGreaterThan(0);
    // The second run starts from the copies of W and b made before the first: those now live on the
    // GPU (31 KB more). The copies it made useless are freed just after it ends.
    await runTrainAgain();
    await expect.poll(() => memory.getAttribute('data-tensors'), { timeout: 5_000 }).toBe(afterFirst);
    const gpuBytesAfterSecond = await memory.getAttribute('data-gpu-bytes');
    await runTrainAgain();
    await expect.poll(() => memory.getAttribute('data-tensors'), { timeout: 5_000 }).toBe(afterFirst);
    expect(await memory.getAttribute('data-gpu-bytes')).toBe(gpuBytesAfterSecond);
    expect(await memory.textContent()).toMatch(/^TensorFlow\.js memory: \d+ tensors, [\d.]+ MB$/);
  });
});

describe('a lost GPU', () => {
  it('stops the session with a clear message when the WebGL context is lost, and the next run works', async () => {
    await replaceCode(
      page,
      'tensors',
      'tf.backend().gpgpu.gl.getExtension("WEBGL_lose_context").loseContext();\nawait new Promise((resolve) => setTimeout(resolve, 3000));\nprint("wrong numbers");',
    );
    await cell(page, 'tensors').locator('[data-action="run"]').click();
    // The session is gone: the cell is out of date, and says why.
    await waitForState(page, 'tensors', ['stale'], 10_000);
    expect(await errorOf(page, 'tensors')).toContain('WebGL context');
    expect(await outputOf(page, 'tensors')).not.toContain('wrong numbers');
    expect(await page.locator('[data-session-notice]').textContent()).toContain('WebGL context');

    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint(tf.sum(a).dataSync()[0]);');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('8');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
  });
});

describe('Content-Security-Policy', () => {
  it('blocks scripts the site did not ship, and nothing the site needs', async () => {
    const context = await browser().newContext();
    const fresh = await context.newPage();
    await fresh.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await fresh.goto(`${siteUrl}en/demo/`);
    await fresh.locator('[data-action="run-all"]').click();
    await waitForState(fresh, 'fit', ['done']);
    await replaceCode(fresh, 'tensors', 'print("editor works")');
    expect(await runCell(fresh, 'tensors')).toBe('done');
    expect(await fresh.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    await fresh.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.injected = true');
      image.src = 'data:,broken';
      document.body.append(image);
    });
    // Both refusals are reported (securitypolicyviolation), so the browser has decided on both.
    await waitInPage(fresh, () => (window as unknown as { violations: string[] }).violations.length >= 2);
    expect(await fresh.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await context.close();
  });
});
