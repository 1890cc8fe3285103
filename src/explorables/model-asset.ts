/**
 * The build's trained W and b as one small file for the explorers, fetched before the reader has
 * trained a model: 7,850 little-endian float32 values (31,400 bytes), W [784, 10] row by row,
 * then b [10]. The build names it by its content, so it can be cached for good.
 */
import type { ModelValues } from './model.ts';
import { CLASSES, PIXELS } from './pixels.ts';

export const BIAS_OFFSET = PIXELS * CLASSES;
export const MODEL_ASSET_VALUES = BIAS_OFFSET + CLASSES;
export const MODEL_ASSET_BYTES = MODEL_ASSET_VALUES * 4;

export function encodeModelAsset(model: ModelValues): Uint8Array {
  if (model.weights.length !== BIAS_OFFSET || model.bias.length !== CLASSES) {
    throw new RangeError(`a model asset holds ${BIAS_OFFSET} weights and ${CLASSES} biases`);
  }
  const bytes = new Uint8Array(MODEL_ASSET_BYTES);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < BIAS_OFFSET; index++) view.setFloat32(index * 4, model.weights[index] ?? 0, true);
  for (let digit = 0; digit < CLASSES; digit++) view.setFloat32((BIAS_OFFSET + digit) * 4, model.bias[digit] ?? 0, true);
  return bytes;
}

export function decodeModelAsset(buffer: ArrayBuffer): { weights: Float32Array; bias: Float32Array } {
  if (buffer.byteLength !== MODEL_ASSET_BYTES)
    throw new Error(`a model asset has ${MODEL_ASSET_BYTES} bytes, this one ${buffer.byteLength}`);
  const view = new DataView(buffer);
  const values = Float32Array.from({ length: MODEL_ASSET_VALUES }, (_, index) => view.getFloat32(index * 4, true));
  return { weights: values.subarray(0, BIAS_OFFSET), bias: values.subarray(BIAS_OFFSET) };
}
