import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { findNonFinite, findNonFiniteResults, nonFiniteHint, tensorNonFinite } from '../../src/runtime/non-finite.ts';
import { computesInFloat32, webglUsesHalfFloats } from '../../src/runtime/float-precision.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('findNonFinite', () => {
  it('finds NaN and Infinity in numbers, arrays, objects, Maps and typed arrays', () => {
    expect(findNonFinite(0.9)).toBeUndefined();
    expect(findNonFinite(NaN)).toEqual({ nan: true, infinity: false });
    expect(findNonFinite([1, [2, -Infinity]])).toEqual({ nan: false, infinity: true });
    expect(findNonFinite({ loss: NaN, step: 3 })).toEqual({ nan: true, infinity: false });
    expect(findNonFinite(new Map([['a', Infinity]]))).toEqual({ nan: false, infinity: true });
    expect(findNonFinite(new Float32Array([1, NaN]))).toEqual({ nan: true, infinity: false });
    expect(findNonFinite(['NaN', 'Infinity'])).toBeUndefined();
  });

  it('finds them in tensors, small ones read and large ones checked on their device', () => {
    expect(findNonFinite(tf.tensor1d([1, 2]))).toBeUndefined();
    expect(findNonFinite(tf.log(tf.tensor1d([1, 0])))).toEqual({ nan: false, infinity: true });
    const large = tf.concat([tf.zeros([100_000]), tf.tensor1d([NaN])]);
    let read = false;
    const watched = Object.assign(Object.create(Object.getPrototypeOf(large) as object) as tf.Tensor, large, {
      dataSync: () => {
        read = true;
        return large.dataSync();
      },
    });
    expect(tensorNonFinite(watched)).toEqual({ nan: true, infinity: false });
    expect(read).toBe(false);
    expect(findNonFinite(tf.tensor1d([1, 2], 'int32'))).toBeUndefined();
  });

  it('says nothing, and throws nothing, about a tensor too large for its device', () => {
    const large = tf.zeros([100_000]);
    // What WebGL answers for tf.zeros([1e9]): the texture it would need is too large.
    const tooLarge = Object.assign(Object.create(Object.getPrototypeOf(large) as object) as tf.Tensor, large, {
      isNaN: () => {
        throw new Error('Requested texture size [15812x15812] greater than WebGL maximum');
      },
    });
    expect(tensorNonFinite(tooLarge)).toBeUndefined();
  });

  it('finds them in the values the prose shows', () => {
    expect(
      findNonFiniteResults({
        accuracy: { kind: 'number', value: NaN },
        y_0: { kind: 'tensor', shape: [2], values: [0.5, Infinity] },
        name: { kind: 'text', value: 'NaN' },
        fine: { kind: 'number', value: 0.91 },
      }),
    ).toEqual({ accuracy: { nan: true, infinity: false }, y_0: { nan: false, infinity: true } });
  });

  it('explains log(0) when the code takes a logarithm, and NaN or overflow otherwise', () => {
    const nan = { nan: true, infinity: false };
    expect(nonFiniteHint(nan, 'tf.neg(tf.sum(tf.mul(y_, tf.log(y))))')).toBe('logOfZero');
    expect(nonFiniteHint(nan, 'y.log()')).toBe('logOfZero');
    expect(nonFiniteHint(nan, 'console.log(tf.div(0, 0))')).toBe('nan');
    expect(nonFiniteHint({ nan: false, infinity: true }, 'tf.exp(1000)')).toBe('overflow');
  });
});

describe('float precision', () => {
  it('finds that the CPU backend computes in float32', () => {
    expect(computesInFloat32(tf)).toBe(true);
  });

  it('reads tfjs’s own WebGL flags: forced or only renderable half floats', () => {
    const env = (flags: Record<string, boolean>) =>
      ({
        env: () => ({
          getBool: (name: string) => {
            if (!(name in flags)) throw new Error(`Cannot evaluate flag '${name}'`);
            return flags[name];
          },
        }),
      }) as unknown as typeof tf;
    expect(webglUsesHalfFloats(env({ WEBGL_FORCE_F16_TEXTURES: true, WEBGL_RENDER_FLOAT32_ENABLED: true }))).toBe(true);
    expect(webglUsesHalfFloats(env({ WEBGL_FORCE_F16_TEXTURES: false, WEBGL_RENDER_FLOAT32_ENABLED: false }))).toBe(true);
    expect(webglUsesHalfFloats(env({ WEBGL_FORCE_F16_TEXTURES: false, WEBGL_RENDER_FLOAT32_ENABLED: true }))).toBe(false);
    expect(webglUsesHalfFloats(env({}))).toBe(false);
  });
});
