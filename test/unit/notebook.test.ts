import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session.ts';
import { analyzeCell } from '../../src/runtime/notebook/analyze-cell.ts';
import { LocalKernel, type NodeSource } from '../../src/runtime/notebook/local-kernel.ts';
import { Notebook, type CellState, type Kernel, type NotebookNode } from '../../src/runtime/notebook/notebook.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Spec = { id: string; code: string; writes?: string[] } | { id: string; control: string; value: unknown };

/** A notebook of `specs` on a real session (CPU), recording which nodes ran and what they printed. */
function notebookOf(specs: Spec[], options: { kernel?: (inner: Kernel) => Kernel } = {}) {
  const ran: string[] = [];
  const printed = new Map<string, string[]>();
  const runIds = new Map<number, string>();
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => {
      const id = runIds.get(runId) ?? '?';
      if (event.kind === 'line') printed.set(id, [...(printed.get(id) ?? []), event.text]);
    },
  });
  const sources = new Map<string, NodeSource>();
  const nodes: NotebookNode[] = specs.map((spec) => {
    if ('control' in spec) {
      sources.set(spec.id, { kind: 'control', name: spec.control, value: spec.value });
      return { id: spec.id, kind: 'control', defines: [spec.control], reads: [], writes: [] };
    }
    sources.set(spec.id, { kind: 'cell', code: spec.code });
    const analysis = analyzeCell(spec.code);
    return { id: spec.id, kind: 'cell', ...analysis, bakedWrites: spec.writes ?? [] };
  });
  const local = new LocalKernel(session, sources, []);
  const counting: Kernel = {
    run: (step) => {
      ran.push(step.nodeId);
      runIds.set(local.nextRunId, step.nodeId);
      printed.delete(step.nodeId);
      return local.run(step);
    },
    release: (keys) => local.release(keys),
  };
  const notebook = new Notebook(nodes, options.kernel?.(counting) ?? counting, { changed: () => {} });
  const states = (): Record<string, CellState> => Object.fromEntries(nodes.map((node) => [node.id, notebook.state(node.id)]));
  const output = (id: string) => (printed.get(id) ?? []).join('\n');
  const edit = (id: string, code: string) => {
    sources.set(id, { kind: 'cell', code });
    // Code that does not parse keeps the graph it had (the page does the same): running it fails.
    let analysis;
    try {
      analysis = analyzeCell(code);
    } catch {
      analysis = undefined;
    }
    notebook.edited(id, analysis);
  };
  const setControl = (id: string, name: string, value: unknown) => {
    sources.set(id, { kind: 'control', name, value });
    notebook.edited(id);
  };
  return { notebook, ran, output, states, edit, setControl, session };
}

const training = [
  { id: 'data', code: 'const xs = tf.tensor2d([[1], [2], [3]]);\nconst ys = tf.tensor2d([[2], [4], [6]]);' },
  { id: 'unrelated', code: 'const greeting = "hello";\nprint(greeting);' },
  { id: 'params', code: 'const w = tf.variable(tf.zeros([1, 1]));' },
  // The build saw this cell change w (a write only visible at run time): pages start knowing it.
  {
    id: 'train',
    code: 'const sgd = tf.train.sgd(0.01);\nfor (let i = 0; i < 5; i++) sgd.minimize(() => tf.mean(tf.square(tf.sub(tf.matMul(xs, w), ys))));',
    writes: ['w'],
  },
  { id: 'show', code: 'print(w.dataSync()[0].toFixed(4));' },
  { id: 'step', code: 'sgd.minimize(() => tf.mean(tf.square(tf.sub(tf.matMul(xs, w), ys))));\nprint(w.dataSync()[0].toFixed(4));' },
  { id: 'after', code: 'print(w.dataSync()[0].toFixed(4));' },
];

describe('Notebook: Run brings one cell up to date', () => {
  it('runs only what the cell needs, with the writes the build saw', async () => {
    const { notebook, ran, states } = notebookOf(training);
    await notebook.run('show');
    expect(ran).toEqual(['data', 'params', 'train', 'show']);
    expect(states()).toMatchObject({ unrelated: 'idle', step: 'idle', after: 'idle', show: 'done' });
  });

  it('is busy from a Run until the last cell it planned has run (explorers wait for that)', async () => {
    const busyWhile: boolean[] = [];
    const { notebook } = notebookOf(training, {
      kernel: (inner) => ({ ...inner, run: (step) => (busyWhile.push(notebook.busy), inner.run(step)) }),
    });
    expect(notebook.busy).toBe(false);
    const run = notebook.run('show');
    expect(notebook.busy).toBe(true);
    await run;
    expect(busyWhile).toEqual([true, true, true, true]);
    expect(notebook.busy).toBe(false);
  });

  it('learns writes at run time: after the training runs, a reader of w depends on it', async () => {
    const { notebook, ran, output } = notebookOf(training.map((spec) => ({ ...spec, writes: [] })));
    await notebook.run('train');
    expect(notebook.graph.inputsOf('show').get('w')).toBe('train');
    ran.length = 0;
    await notebook.run('show');
    expect(ran).toEqual(['show']);
    expect(Number(output('show'))).toBeGreaterThan(0.5);
  });

  it('gives the same result when a training cell runs twice: its inputs are put back first', async () => {
    const { notebook, ran, output } = notebookOf(training);
    await notebook.run('show');
    const first = output('show');
    await notebook.run('train');
    await notebook.run('show');
    expect(output('show')).toBe(first);
    // The second run of train got w back from a copy: params did not run again.
    expect(ran.filter((id) => id === 'params')).toHaveLength(1);
  });

  it('shows a cell above a later step the model as it was above it, without training again', async () => {
    const { notebook, ran, output } = notebookOf(training);
    await notebook.run('show');
    const beforeStep = output('show');
    await notebook.run('step');
    const afterStep = output('step');
    expect(afterStep).not.toBe(beforeStep);
    ran.length = 0;
    await notebook.run('show');
    expect(output('show')).toBe(beforeStep);
    expect(ran).toEqual(['show']);
    // And a cell below the step sees the model after it.
    await notebook.run('after');
    expect(output('after')).toBe(afterStep);
    expect(ran).toEqual(['show', 'after']);
  });

  it('makes a value again by running its provider when it cannot be copied', async () => {
    const cells = [
      { id: 'make', code: 'const seen = new Map();\nseen.set("a", 1);' },
      { id: 'read', code: 'print(seen.size);' },
      { id: 'grow', code: 'seen.set("b", 2);\nprint(seen.size);' },
    ];
    const { notebook, ran, output } = notebookOf(cells);
    await notebook.run('grow');
    expect(output('grow')).toBe('2');
    await notebook.run('read');
    expect(output('read')).toBe('1');
    expect(ran).toEqual(['make', 'grow', 'make', 'read']);
  });
});

describe('Notebook: stale means exactly the dependents', () => {
  it('marks an edited cell and what depends on it, and nothing else', async () => {
    const { notebook, edit, states } = notebookOf(training);
    await notebook.runAll();
    edit('params', 'const w = tf.variable(tf.ones([1, 1]));');
    expect(states()).toEqual({
      data: 'done',
      unrelated: 'done',
      params: 'stale',
      train: 'stale',
      show: 'stale',
      step: 'stale',
      after: 'stale',
    });
  });

  it('lets an unrelated broken cell block nothing', async () => {
    const { notebook, edit, states, ran } = notebookOf(training);
    edit('unrelated', 'const greeting = (;');
    await notebook.run('unrelated');
    expect(states().unrelated).toBe('error');
    await notebook.run('show');
    expect(states().show).toBe('done');
    expect(ran).not.toContain('unrelated-again');
  });

  it('does not run a cell whose dependency failed, and says which one blocked it', async () => {
    const { notebook, edit, states } = notebookOf(training);
    edit('params', 'const w = undefinedThing;');
    await notebook.run('show');
    expect(states()).toMatchObject({ params: 'error', train: 'idle', show: 'idle' });
    expect(notebook.blockedBy('show')).toBe('params');
  });

  it('runs every cell with Run all, skipping only those that depend on a failure', async () => {
    const { notebook, edit, states } = notebookOf(training);
    edit('params', 'const w = tf.variable(tf.zeros([1, 1]));\nthrow new Error("broken");');
    await notebook.runAll();
    expect(states()).toEqual({
      data: 'done',
      unrelated: 'done',
      params: 'error',
      train: 'idle',
      show: 'idle',
      step: 'idle',
      after: 'idle',
    });
  });
});

describe('Notebook: controls', () => {
  const withControl: Spec[] = [
    { id: 'rate', control: 'learning_rate', value: 0.5 },
    { id: 'use', code: 'print(learning_rate * 2);' },
    { id: 'other', code: 'print("other");' },
  ];

  it('feeds a control’s value to the cells below, and an edit makes only its dependents stale', async () => {
    const { notebook, output, states, setControl } = notebookOf(withControl);
    await notebook.runAll();
    expect(output('use')).toBe('1');
    setControl('rate', 'learning_rate', 2);
    expect(states()).toMatchObject({ use: 'stale', other: 'done' });
    expect(notebook.cheapDependents('rate')).toEqual(['use']);
    await notebook.run('use');
    expect(output('use')).toBe('4');
  });
});

describe('Notebook: stopping and losing the session', () => {
  it('stops a cell at its next await and keeps everything else', async () => {
    const specs: Spec[] = [
      { id: 'a', code: 'const kept = 5;' },
      { id: 'loop', code: 'let i = 0;\nwhile (true) { i++; await new Promise((r) => setTimeout(r, 1)); }' },
    ];
    const { notebook, states, session } = notebookOf(specs);
    await notebook.run('a');
    const running = notebook.run('loop');
    await new Promise((resolve) => setTimeout(resolve, 30));
    session.interrupt();
    await running;
    expect(states()).toEqual({ a: 'done', loop: 'stale' });
    expect(session.scope['kept']).toBe(5);
  });

  it('marks what ran as stale when the session is lost', async () => {
    const { notebook, states } = notebookOf(training);
    await notebook.run('show');
    notebook.sessionLost();
    expect(states()).toEqual({
      data: 'stale',
      unrelated: 'idle',
      params: 'stale',
      train: 'stale',
      show: 'stale',
      step: 'idle',
      after: 'idle',
    });
  });
});
