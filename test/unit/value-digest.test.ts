/**
 * Digests decide whether a cell that ran again made the same values (its dependents then stay up to
 * date) or new ones (they go stale): equal values must give equal digests, and any difference in a
 * value's bits a different one.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/runtime/session/value-digest.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const digest = (value: unknown): string | undefined => digestOf(tf, value);

describe('value digests', () => {
  it('are equal for tensors with equal values, made apart', () => {
    const values = Float32Array.from({ length: 100_000 }, (_, index) => Math.sin(index));
    expect(digest(tf.tensor2d(values, [10_000, 10]))).toBe(digest(tf.tensor2d(values.slice(), [10_000, 10])));
    expect(digest(tf.zeros([784, 10]))).toBe(digest(tf.zeros([784, 10])));
  });

  it('differ when one value of a large tensor differs', () => {
    const values = Float32Array.from({ length: 100_000 }, (_, index) => Math.sin(index));
    const changed = values.slice();
    changed[54_321] = (changed[54_321] ?? 0) + 1e-6;
    expect(digest(tf.tensor1d(values))).not.toBe(digest(tf.tensor1d(changed)));
  });

  it('tell -0 from 0 and one NaN payload from another', () => {
    expect(digest(tf.tensor1d([0, 1]))).not.toBe(digest(tf.tensor1d([-0, 1])));
    const nan = (payload: number): Float32Array => new Float32Array(new Uint32Array([0x7fc00000 | payload]).buffer);
    expect(digest(tf.tensor1d(nan(1)))).not.toBe(digest(tf.tensor1d(nan(2))));
  });

  it('differ with the shape or the dtype for the same numbers', () => {
    expect(digest(tf.tensor2d([1, 2, 3, 4], [2, 2]))).not.toBe(digest(tf.tensor2d([1, 2, 3, 4], [4, 1])));
    expect(digest(tf.tensor1d([1, 2, 3], 'float32'))).not.toBe(digest(tf.tensor1d([1, 2, 3], 'int32')));
  });

  it('see every byte of a boolean tensor whose length is not a multiple of four', () => {
    // Booleans are one byte each: the last three bytes here fall outside the four-byte words.
    const base = [true, false, true, false, true, false, true];
    for (let index = 0; index < base.length; index++) {
      const flipped = base.map((value, at) => (at === index ? !value : value));
      expect(digest(tf.tensor1d(base, 'bool')), `value ${index}`).not.toBe(digest(tf.tensor1d(flipped, 'bool')));
    }
  });

  it('have none for what cannot be compared cheaply', () => {
    expect(digest(tf.zeros([1001, 1000]))).toBeUndefined();
    expect(digest(new Map())).toBeUndefined();
  });
});
