/**
 * Whether a TensorFlow.js backend really computes in 32-bit floats. Many phone GPUs render only
 * 16-bit floats, and TensorFlow.js's WebGL backend then stores every tensor as float16: no value
 * above 65504, three decimal digits. The article's training then ends in NaN (log(0) in the cross
 * entropy), which the page must never show as a result. Pure: takes `tf`, runs anywhere.
 */
import type { TfNamespace } from './cell-session.ts';

/** The reason a backend was refused for computing in half floats (the page translates it). */
export const HALF_FLOAT_REASON = 'half-float';

/**
 * Sizes big enough that the WebGL backend computes on the GPU (small tensors may be forwarded to
 * its CPU kernels), with values float16 cannot hold: 70000.75 overflows it, 1 + 2^-12 rounds to 1.
 */
const PROBE_SHAPE: [number, number] = [64, 64];
const PROBES: ReadonlyArray<readonly [a: number, b: number, expected: number]> = [
  [70000.5, 0.25, 70000.75],
  [1, 2 ** -12, 1 + 2 ** -12],
];

/** True when the current backend adds float32 values exactly as float32 arithmetic does. */
export function computesInFloat32(tf: TfNamespace): boolean {
  return tf.tidy(() =>
    PROBES.every(([a, b, expected]) => {
      const sum = tf.add(tf.fill(PROBE_SHAPE, a), tf.fill(PROBE_SHAPE, b)).dataSync();
      return sum[0] === expected && sum[sum.length - 1] === expected;
    }),
  );
}

/** What tfjs itself knows on WebGL: textures in float16 when float32 cannot be rendered (or forced). */
export function webglUsesHalfFloats(tf: TfNamespace): boolean {
  const env = tf.env();
  const flag = (name: string): boolean | undefined => {
    try {
      return env.getBool(name);
    } catch {
      return undefined; // not registered: not the WebGL backend
    }
  };
  return flag('WEBGL_FORCE_F16_TEXTURES') === true || flag('WEBGL_RENDER_FLOAT32_ENABLED') === false;
}
