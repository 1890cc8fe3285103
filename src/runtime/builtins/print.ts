/** `print(...values)` and `console.log(...)`: a line under the cell, values formatted like TensorFlow prints them. */
import { formatPrinted } from '../format-value.ts';
import type { BuiltinContext, CellBuiltin } from './cell-builtin.ts';

type Print = (...values: unknown[]) => void;

export const printBuiltin: CellBuiltin<Print> = {
  name: 'print',
  // Returns undefined, or a cell ending with print(...) would also show a value.
  create: (context: BuiltinContext): Print => {
    return (...values) => {
      context.checkInterrupt();
      for (const value of values) context.noteNonFinite(value, 'print');
      context.emit({ kind: 'line', text: values.map(formatPrinted).join(' ') });
    };
  },
};

/** The cell's `console`: every level prints a line, as a reader expects from a notebook. */
export const consoleBuiltin: CellBuiltin<Record<'log' | 'info' | 'warn' | 'error' | 'debug', Print>> = {
  name: 'console',
  create: (context) => {
    const print = printBuiltin.create(context);
    return { log: print, info: print, warn: print, error: print, debug: print };
  },
};
