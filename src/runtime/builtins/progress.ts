/** `progress(done, total)`: a progress bar under the cell, e.g. `progress(step, 1000)`. */
import type { CellBuiltin } from './cell-builtin.ts';

export const progressBuiltin: CellBuiltin<(done: number, total: number) => void> = {
  name: 'progress',
  create: (context) => (done, total) => {
    context.checkInterrupt();
    context.emit({ kind: 'progress', done: Number(done), total: Number(total) });
  },
};
