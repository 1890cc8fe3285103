/**
 * The built-ins' registry, used the way CONTRIBUTING.md's recipe "Add a built-in for cells" says:
 * a new built-in is one object (name + create) and one more entry in the list, and cells see it,
 * with the NaN check working for it as for print().
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session.ts';
import { CELL_BUILTINS, type CellBuiltin } from '../../src/runtime/builtins/index.ts';
import type { OutputEvent } from '../../src/runtime/output-batcher.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A built-in written as the recipe says: `percent(part, whole)` prints "part / whole = 42 %". */
const percentBuiltin: CellBuiltin<(part: number, whole: number) => void> = {
  name: 'percent',
  create: (context) => (part, whole) => {
    context.checkInterrupt();
    const share = (100 * part) / whole;
    context.noteNonFinite(share, 'percent');
    context.emit({ kind: 'line', text: `${part} / ${whole} = ${Math.round(share)} %` });
  },
};

function sessionWith(builtins: readonly CellBuiltin[]) {
  const events: OutputEvent[] = [];
  const session = new CellSession({ tf, onOutput: (_, event) => events.push(event), builtins });
  return { session, events };
}

describe('cell built-ins', () => {
  it('gives cells a built-in added to the list, beside the existing ones', async () => {
    const { session, events } = sessionWith([...CELL_BUILTINS, percentBuiltin]);
    const outcome = await session.run(1, 'share', 'percent(21, 50);\nprint("done")');
    expect(outcome.ok).toBe(true);
    expect(events).toEqual([
      { kind: 'line', text: '21 / 50 = 42 %' },
      { kind: 'line', text: 'done' },
    ]);
  });

  it('lets a new built-in report a non-finite value like print does, and a loop calling it still stops', async () => {
    const { session } = sessionWith([...CELL_BUILTINS, percentBuiltin]);
    const outcome = await session.run(1, 'zero', 'percent(1, 0)');
    expect(outcome).toMatchObject({ ok: true, nonFinite: { infinity: true, where: ['percent'] } });

    const running = session.run(2, 'loop', 'for (let i = 0; ; i++) {\n  percent(i, 10);\n  await new Promise((r) => setTimeout(r, 1));\n}');
    await new Promise((resolve) => setTimeout(resolve, 20));
    session.interrupt();
    expect(await running).toMatchObject({ ok: false, interrupted: true });
  });

  it('keeps a cell’s own variable of the same name first (a built-in shadows nothing)', async () => {
    const { session, events } = sessionWith(CELL_BUILTINS);
    const outcome = await session.run(1, 'own', 'const progress = 3;\nprint(progress)');
    expect(outcome.ok).toBe(true);
    expect(events).toEqual([{ kind: 'line', text: '3' }]);
  });

  it('has every built-in of the registry documented in README’s “Live cells”', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const { name } of CELL_BUILTINS) expect(readme, name).toMatch(new RegExp('`' + name + '[.(]'));
  });
});
