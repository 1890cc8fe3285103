import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function sessionWithOutput() {
  const lines: Array<[number, string]> = [];
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => {
      if (event.kind === 'line') lines.push([runId, event.text]);
    },
  });
  return { session, lines };
}

describe('CellSession', () => {
  it('runs TensorFlow.js code and shows the last expression like TensorFlow prints it', async () => {
    const { session } = sessionWithOutput();
    const outcome = await session.run(1, 'mm', 'const a = tf.tensor2d([[1, 2]]);\ntf.matMul(a, tf.tensor2d([[3], [4]]))');
    expect(outcome).toMatchObject({ ok: true, value: 'tf.Tensor([[11.]], shape=(1, 1), dtype=float32)', results: {} });
  });

  it('sends print and console.log lines tagged with their run', async () => {
    const { session, lines } = sessionWithOutput();
    await session.run(7, 'p', 'print("W", tf.zeros([2]));\nconsole.log(1, "two")');
    expect(lines).toEqual([
      [7, 'W tf.Tensor([0. 0.], shape=(2,), dtype=float32)'],
      [7, '1 two'],
    ]);
  });

  it('runs requests one after the other even when a cell awaits', async () => {
    const { session, lines } = sessionWithOutput();
    const slow = session.run(1, 'a', 'await new Promise((r) => setTimeout(r, 30));\nprint("first")');
    const fast = session.run(2, 'b', 'print("second")');
    await Promise.all([slow, fast]);
    expect(lines.map(([, text]) => text)).toEqual(['first', 'second']);
  });

  it('lets a Run’s next cell go before work that can wait (an explorer’s question)', async () => {
    const session = new CellSession({ tf, onOutput: () => {} });
    const order: string[] = [];
    await session.run(1, 'first', 'const a = 1;');
    const question = session.runWhenQuiet(async () => void order.push('question'), 100);
    // The page sends the next cell a few milliseconds after the first one ended.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = session.run(2, 'second', 'print("second");').then(() => order.push('second'));
    await Promise.all([question, next]);
    expect(order).toEqual(['second', 'question']);
  });

  it('returns the values asked for by the prose, numbers as numbers', async () => {
    const { session } = sessionWithOutput();
    const outcome = await session.run(1, 'acc', 'const accuracy = tf.scalar(0.875);\nconst label = "seven";\nconst count = 3;', [
      'accuracy',
      'label',
      'count',
      'missing',
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      results: {
        accuracy: { kind: 'number', value: 0.875 },
        label: { kind: 'text', value: 'seven' },
        count: { kind: 'number', value: 3 },
      },
    });
    if (outcome.ok) expect(outcome.results).not.toHaveProperty('missing');
    expect(session.readResults(['missing'])).toEqual({});
  });

  it('turns a TensorFlow.js shape error into a positioned failure with a hint', async () => {
    const { session } = sessionWithOutput();
    const outcome = await session.run(1, 'bad', 'const x = tf.zeros([1, 784]);\nconst y = tf.matMul(x, tf.zeros([10, 784]));');
    expect(outcome).toMatchObject({ ok: false, failure: { name: 'Error', line: 2, hint: 'shapeMismatch' } });
  });

  it('keeps the session usable after a failing cell', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'a', 'const kept = 5;');
    await session.run(2, 'b', 'null.boom');
    expect(await session.run(3, 'c', 'kept * 2')).toMatchObject({ ok: true, value: '10' });
  });
});

describe('CellSession with the article-style APIs', () => {
  it('trains with an optimizer (gradients are registered) and chained ops work', async () => {
    const { session } = sessionWithOutput();
    const code = [
      'const w = tf.variable(tf.scalar(0));',
      'const optimizer = tf.train.sgd(0.1);',
      'for (let i = 0; i < 50; i++) optimizer.minimize(() => w.sub(2).square().sum());',
      'Math.round(w.dataSync()[0] * 1000) / 1000',
    ].join('\n');
    expect(await session.run(1, 'train', code)).toMatchObject({ ok: true, value: '2' });
  });
});

describe('CellSession lazy globals', () => {
  it('loads a lazy global once, only for the cells that mention it', async () => {
    let loads = 0;
    const session = new CellSession({
      tf,
      onOutput: () => {},
      lazyGlobals: { data: async () => ({ size: ++loads * 10 }) },
    });
    await session.run(1, 'a', '1 + 1');
    expect(loads).toBe(0);
    expect(await session.run(2, 'b', 'data.size')).toMatchObject({ ok: true, value: '10' });
    expect(await session.run(3, 'c', 'data.size')).toMatchObject({ ok: true, value: '10' });
    expect(loads).toBe(1);
  });

  it('fails the cell with the loader’s message, and retries on the next run', async () => {
    let attempts = 0;
    const session = new CellSession({
      tf,
      onOutput: () => {},
      lazyGlobals: {
        data: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('MNIST download failed: HTTP 404');
          return 'ready';
        },
      },
    });
    expect(await session.run(1, 'a', 'data')).toMatchObject({
      ok: false,
      failure: { name: 'LoadError', message: 'MNIST download failed: HTTP 404', hint: 'loadFailed' },
    });
    expect(await session.run(2, 'a', 'data')).toMatchObject({ ok: true, value: '"ready"' });
  });
});

describe('CellSession results for the prose and figures', () => {
  it('reports a shown variable only when it changed, a trained variable included', async () => {
    const { session } = sessionWithOutput();
    const first = await session.run(1, 'a', 'const W = tf.variable(tf.zeros([2]));\nconst n = 1;', ['W', 'n']);
    expect(first.ok && Object.keys(first.results)).toEqual(['W', 'n']);
    const unchanged = await session.run(2, 'b', 'const other = 2;', ['W', 'n']);
    expect(unchanged.ok && unchanged.results).toEqual({});
    const trained = await session.run(3, 'c', 'W.assign(tf.ones([2]));', ['W', 'n']);
    expect(trained.ok && trained.results).toEqual({ W: { kind: 'tensor', shape: [2], values: [1, 1] } });
  });
});

describe('CellSession and errors nobody caught', () => {
  it('fails a running cell whose timer throws, with the timer’s line', async () => {
    const { session } = sessionWithOutput();
    const code = 'await new Promise((resolve) => {\n  setTimeout(() => {\n    throw new TypeError("late");\n  }, 5);\n});';
    const run = session.run(1, 'timer', code);
    // What the worker's global error handler does:
    const fired = await new Promise<unknown>((resolve) => {
      const listener = (error: unknown) => resolve(error);
      process.once('uncaughtException', listener);
    });
    expect(session.reportUncaught(fired)).toBeUndefined();
    expect(await run).toMatchObject({ ok: false, failure: { name: 'TypeError', message: 'late', line: 3, column: 11 } });
  });

  it('attributes an error thrown after its cell returned to that cell', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'first', 'function later() {\n  throw new RangeError("too late");\n}');
    await session.run(2, 'second', 'const x = 1;');
    let thrown: unknown;
    try {
      (session.scope['later'] as () => void)();
    } catch (error) {
      thrown = error;
    }
    expect(session.reportUncaught(thrown)).toEqual({
      cellId: 'first',
      failure: { name: 'RangeError', message: 'too late', line: 2, column: 9 },
    });
  });

  it('gives a value thrown without a stack to the last cell that ran', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'only', 'const y = 2;');
    expect(session.reportUncaught('boom')).toEqual({ cellId: 'only', failure: { name: 'Thrown', message: 'boom' } });
  });
});

describe('CellSession memory', () => {
  it('keeps the number of tensors flat when a training cell runs ten times', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'data', 'const xs = tf.randomUniform([20, 4]);\nconst ys = tf.randomUniform([20, 2]);');
    const train = [
      'const W = tf.variable(tf.zeros([4, 2]));',
      'const optimizer = tf.train.adam(0.01);',
      'for (let i = 0; i < 5; i++) optimizer.minimize(() => tf.mean(tf.square(tf.sub(tf.matMul(xs, W), ys))));',
      'print("W[0]", tf.gather(W, 0));',
      'tf.sum(W)',
    ].join('\n');
    await session.run(2, 'train', train);
    const afterFirst = tf.memory().numTensors;
    for (let run = 3; run < 12; run++) expect(await session.run(run, 'train', train)).toMatchObject({ ok: true });
    expect(tf.memory().numTensors).toBe(afterFirst);
  });

  it('keeps tensors the session can still reach, in arrays and objects too', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'a', 'const pair = [tf.ones([2]), { inner: tf.zeros([3]) }];\nconst [first] = pair;');
    expect(await session.run(2, 'b', 'tf.add(pair[1].inner, 1).sum().dataSync()[0] + first.sum().dataSync()[0]')).toMatchObject({
      ok: true,
      value: '5',
    });
  });

  it('does not free a replaced tensor that another variable still holds', async () => {
    const { session } = sessionWithOutput();
    await session.run(1, 'a', 'let t = tf.ones([2]);\nconst alias = t;');
    await session.run(2, 'b', 't = tf.zeros([2]);');
    await session.run(3, 'a2', 'let t = tf.scalar(5);');
    expect(await session.run(4, 'c', 'alias.sum().dataSync()[0]')).toMatchObject({ ok: true, value: '2' });
  });
});
