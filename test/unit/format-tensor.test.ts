import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTensor, shortestFloat32 } from '../../src/runtime/format-tensor.ts';
import { formatPrinted, formatValue } from '../../src/runtime/format-value.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('formatTensor', () => {
  it('prints a matrix like TensorFlow does, with shape and dtype', () => {
    expect(
      formatTensor(
        tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)');
  });

  it('prints float32 values in their shortest form and aligns them', () => {
    expect(formatTensor(tf.tensor1d([0.1, 0.25, -1.5]))).toBe('tf.Tensor([ 0.1   0.25 -1.5 ], shape=(3,), dtype=float32)');
  });

  it('prints scalars, integers and booleans', () => {
    expect(formatTensor(tf.scalar(0.9128))).toBe('tf.Tensor(0.9128, shape=(), dtype=float32)');
    expect(formatTensor(tf.tensor1d([7, 10, -2], 'int32'))).toBe('tf.Tensor([ 7 10 -2], shape=(3,), dtype=int32)');
    expect(formatTensor(tf.tensor1d([1, 0], 'bool'))).toBe('tf.Tensor([ True False], shape=(2,), dtype=bool)');
  });

  it('switches to scientific notation for very small or very spread values, as NumPy does', () => {
    expect(formatTensor(tf.tensor1d([1e-5, 0.5]))).toBe('tf.Tensor([1.e-05 5.e-01], shape=(2,), dtype=float32)');
    expect(formatTensor(tf.tensor1d([1, 7839]))).toBe('tf.Tensor([1.000e+00 7.839e+03], shape=(2,), dtype=float32)');
  });

  it('summarises large tensors with ... at each edge', () => {
    const text = formatTensor(tf.reshape(tf.range(1000, 1000 + 784 * 10), [784, 10]));
    expect(text).toContain('...');
    expect(text.split('\n')).toHaveLength(8);
    expect(text.split('\n')[4]).toBe(' ...');
    expect(text).toMatch(/^tf\.Tensor\(\n\[\[1000\. 1001\. 1002\. \.\.\. 1007\. 1008\. 1009\.\]/);
    expect(text).toMatch(/\[8830\. 8831\. 8832\. \.\.\. 8837\. 8838\. 8839\.\]\], shape=\(784, 10\), dtype=float32\)$/);
  });

  it('separates the blocks of a 3-D tensor with a blank line', () => {
    expect(formatTensor(tf.ones([2, 1, 2]))).toBe('tf.Tensor(\n[[[1. 1.]]\n\n [[1. 1.]]], shape=(2, 1, 2), dtype=float32)');
  });

  it('wraps long rows at 75 characters, like NumPy (the shape follows the last row)', () => {
    const lines = formatTensor(tf.linspace(0.123, 0.987, 30)).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(0, -1)) expect(line.length).toBeLessThanOrEqual(75);
    expect(lines[1]?.startsWith('[0.123')).toBe(true);
  });
});

describe('shortestFloat32', () => {
  it('drops the float32 noise that a double shows', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe('0.1');
    expect(shortestFloat32(Math.fround(0.9128))).toBe('0.9128');
    expect(shortestFloat32(2)).toBe('2.');
  });
});

describe('formatValue', () => {
  it('labels variables as tf.Variable', () => {
    expect(formatValue(tf.variable(tf.zeros([2])))).toBe('tf.Variable([0. 0.], shape=(2,), dtype=float32)');
  });

  it('prints strings raw with print, quoted as a value', () => {
    expect(formatPrinted('hello')).toBe('hello');
    expect(formatValue('hello')).toBe('"hello"');
  });

  it('prints arrays, objects and tensors inside them', () => {
    expect(formatValue([1, 'a', { b: [true, null] }])).toBe('[1, "a", { b: [true, null] }]');
    expect(formatValue({ shape: tf.tensor1d([1, 2]).shape })).toBe('{ shape: [2] }');
  });

  it('survives circular structures', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(formatValue(loop)).toBe('{ self: [Circular] }');
  });

  it('says a tensor was disposed instead of throwing', () => {
    const t = tf.scalar(1);
    t.dispose();
    expect(formatValue(t)).toBe('<disposed tf.Tensor>');
  });
});

describe('formatTensor on huge tensors', () => {
  it('does not read back a tensor too large to print', () => {
    const huge = {
      shape: [1e9],
      dtype: 'float32',
      dataSync: () => {
        throw new Error('must not read 4 GB back');
      },
    };
    expect(formatTensor(huge)).toBe('tf.Tensor(<1000000000 values, too many to print>, shape=(1000000000,), dtype=float32)');
  });
});
