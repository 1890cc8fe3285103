import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTensor, type TensorLike } from '../../src/runtime/format-tensor.ts';
import { formatPrinted, formatValue, MAX_ITEMS, MAX_STRING_LENGTH } from '../../src/runtime/format-value.ts';
import { OutputLog } from '../../src/client/output-log.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A tensor that counts the values read back from it and from the slices taken of it. */
function counted(tensor: tf.Tensor): { tensor: TensorLike; read: () => number } {
  let read = 0;
  const wrap = (t: tf.Tensor): TensorLike & { dispose(): void } => ({
    shape: t.shape,
    dtype: t.dtype,
    dataSync: () => {
      read += t.size;
      return t.dataSync();
    },
    slice: (begin, size) => wrap(t.slice(begin, size)),
    dispose: () => t.dispose(),
  });
  return { tensor: wrap(tensor), read: () => read };
}

describe('printing a large tensor', () => {
  it('reads only the values it shows, and prints exactly what reading it all would print', () => {
    const values = tf.reshape(tf.range(0, 10_000 * 784), [10_000, 784]);
    const { tensor, read } = counted(values);
    const text = formatTensor(tensor);
    expect(read()).toBe(36);
    expect(text).toBe(formatTensor({ shape: values.shape, dtype: values.dtype, dataSync: () => values.dataSync() }));
    expect(text).toMatch(/^tf\.Tensor\(\n\[\[0\.000000e\+00 1\.000000e\+00 2\.000000e\+00 \.\.\. 7\.810000e\+02/);
  });

  it('reads the corners of a 3-D tensor, with the summary NumPy prints', () => {
    const values = tf.reshape(tf.range(0, 20 * 30 * 40, 1, 'int32'), [20, 30, 40]);
    const { tensor, read } = counted(values);
    const text = formatTensor(tensor);
    expect(read()).toBe(6 * 6 * 6);
    expect(text).toBe(formatTensor({ shape: values.shape, dtype: values.dtype, dataSync: () => values.dataSync() }));
    expect(text.split('\n')[0]).toBe('tf.Tensor(');
    expect(text).toContain('[[[    0     1     2 ...    37    38    39]');
    expect(text).toContain('[23960 23961 23962 ... 23997 23998 23999]]], shape=(20, 30, 40), dtype=int32)');
  });

  it('reads a small tensor whole', () => {
    const { tensor, read } = counted(tf.ones([10, 10]));
    formatTensor(tensor);
    expect(read()).toBe(100);
  });
});

describe('printing large collections', () => {
  it('shows the first items of a Map or a Set and counts the rest, without walking them', () => {
    const map = new Map(Array.from({ length: 1_000_000 }, (_, i) => [i, i * 2]));
    const text = formatValue(map);
    expect(text.startsWith('Map(1000000) {0 => 0, 1 => 2, ')).toBe(true);
    expect(text.endsWith(`, ... ${1_000_000 - MAX_ITEMS} more}`)).toBe(true);
    expect(formatValue(new Set(Array.from({ length: 1_000 }, (_, i) => i)))).toMatch(/^Set\(1000\) \{0, 1, .*, 99, \.\.\. 900 more\}$/);
  });

  it('caps arrays, typed arrays and objects the same way', () => {
    expect(formatValue(Array.from({ length: 250 }, () => 0))).toMatch(/, 0, \.\.\. 150 more\]$/);
    expect(formatValue(new Float32Array(1_000_000))).toMatch(/^Float32Array\(1000000\) \[0, .*\.\.\. 999900 more\]$/);
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    expect(formatValue(wide)).toMatch(/k99: 99, \.\.\. 50 more \}$/);
  });

  it('cuts a huge string, saying how much is left out', () => {
    const long = 'x'.repeat(MAX_STRING_LENGTH + 5);
    expect(formatPrinted(long)).toBe(`${'x'.repeat(MAX_STRING_LENGTH)}... 5 more characters`);
    expect(formatValue(long).endsWith('"... 5 more characters')).toBe(true);
  });
});

describe('OutputLog', () => {
  it('keeps the first lines and a window of the latest, and counts the lines between', () => {
    const log = new OutputLog(3, 2);
    expect(log.add(['a', 'b'])).toEqual({ head: ['a', 'b'], tailChanged: false });
    expect(log.add(['c', 'd', 'e', 'f'])).toEqual({ head: ['c'], tailChanged: true });
    expect(log.tail).toEqual(['e', 'f']);
    expect(log.omitted).toBe(1);
    log.add(Array.from({ length: 1_000_000 }, (_, i) => `line ${i}`));
    expect(log.tail).toEqual(['line 999998', 'line 999999']);
    expect(log.omitted).toBe(1_000_001);
    expect(log.lineCount).toBe(1_000_006);
  });
});
