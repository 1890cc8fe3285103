/**
 * The session worker's message handling, in Node: the real module, a fake worker global, and the
 * page's private port (a real MessageChannel). The CPU backend stands in for WebGL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/runtime/protocol.ts';

/** The worker global the module expects: `self`, with a location and events. */
class FakeWorkerScope extends EventTarget {
  readonly location = { origin: 'http://localhost' };
}

const scope = new FakeWorkerScope();
const channel = new MessageChannel();
const received: FromWorker[] = [];
const waiters: Array<{ accept: (message: FromWorker) => boolean; resolve: (message: FromWorker) => void }> = [];

/** The first message (already received or still to come) that `accept` takes. */
function next(accept: (message: FromWorker) => boolean, timeoutMs = 20_000): Promise<FromWorker> {
  const index = received.findIndex(accept);
  if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as FromWorker);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message from the worker')), timeoutMs);
    waiters.push({
      accept,
      resolve: (message) => {
        clearTimeout(timer);
        resolve(message);
      },
    });
  });
}

function send(message: ToWorker): void {
  channel.port1.postMessage(message);
}

const step = { stamp: 's', restore: [], snapshot: [], shown: [] };

beforeAll(async () => {
  channel.port1.addEventListener('message', (event) => {
    const message = (event as MessageEvent<FromWorker>).data;
    const waiter = waiters.findIndex((candidate) => candidate.accept(message));
    if (waiter >= 0) waiters.splice(waiter, 1)[0]?.resolve(message);
    else received.push(message);
  });
  channel.port1.start();
  Object.assign(globalThis, { self: scope });
  await import('../../src/worker/session-worker.ts');
  scope.dispatchEvent(new MessageEvent('message', { data: { type: 'connect', port: channel.port2, preferredBackend: 'cpu' } }));
}, 60_000);

afterAll(() => {
  channel.port1.close();
  Reflect.deleteProperty(globalThis, 'self');
});

describe('the session worker', () => {
  it('says which backend it started, on the private port only', async () => {
    const ready = await next((message) => message.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', backend: 'cpu' });
  });

  it('runs a cell: its printed lines, then its end with the session’s memory', async () => {
    send({
      type: 'run',
      runId: 1,
      cellId: 'a',
      code: 'const x = tf.scalar(6);\nprint("x is", (await x.data())[0]);',
      ...step,
      stamp: 'a#1',
    });
    const done = await next((message) => (message.type === 'done' || message.type === 'failed') && message.runId === 1);
    expect(done.type).toBe('done');
    const output = await next((message) => message.type === 'output' && message.runId === 1);
    expect(output.type === 'output' && output.chunk.lines).toEqual(['x is 6']);
    expect(done.type === 'done' && done.memory.numTensors).toBeGreaterThan(0);
  });

  it('reports a failure with its line, and the session goes on', async () => {
    send({ type: 'run', runId: 2, cellId: 'b', code: 'const y = 1;\nnothing.here;', ...step, stamp: 'b#2' });
    const failed = await next((message) => (message.type === 'done' || message.type === 'failed') && message.runId === 2);
    expect(failed.type === 'failed' && failed.failure.line).toBe(2);
    send({ type: 'run', runId: 3, cellId: 'c', code: 'print(x.shape.length)', ...step, stamp: 'c#3' });
    expect((await next((message) => message.type === 'done' && message.runId === 3)).type).toBe('done');
  });

  it('stops a cell at its next await on interrupt, keeping the session', async () => {
    send({
      type: 'run',
      runId: 4,
      cellId: 'd',
      code: 'for (;;) await new Promise((resolve) => setTimeout(resolve, 10));',
      ...step,
      stamp: 'd#4',
    });
    setTimeout(() => send({ type: 'interrupt' }), 200);
    const stopped = await next((message) => (message.type === 'done' || message.type === 'failed') && message.runId === 4);
    expect(stopped.type === 'failed' && stopped.interrupted).toBe(true);
    send({ type: 'run', runId: 5, cellId: 'e', code: 'print("x still holds", (await x.data())[0])', ...step, stamp: 'e#5' });
    expect((await next((message) => message.type === 'done' && message.runId === 5)).type).toBe('done');
  });

  it('frees snapshots it is told to release, and says what TensorFlow.js holds after', async () => {
    send({ type: 'run', runId: 6, cellId: 'f', code: 'const w = tf.variable(tf.zeros([3]));', ...step, stamp: 'f#6', snapshot: ['w'] });
    const end = await next((message) => message.type === 'done' && message.runId === 6);
    const held = end.type === 'done' ? end.memory.numTensors : 0;
    expect(end.type === 'done' && end.snapshots).toEqual(['w@f#6']);
    send({ type: 'release', keys: ['w@f#6'] });
    const memory = await next((message) => message.type === 'memory');
    expect(memory.type === 'memory' && memory.memory.numTensors).toBe(held - 1);
  });
});
