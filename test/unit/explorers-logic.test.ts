import { describe, expect, it } from 'vitest';
import { countMistakes, findMistake, predictionsOf } from '../../src/explorables/mistakes.ts';
import { movePixel, pixelAt, pixelIndex, pixelPosition, weightsColumn, weightsRow } from '../../src/explorables/pixels.ts';
import { modelShapeProblem, predictionOf, probabilitiesOf, softmax, topDigits } from '../../src/explorables/model.ts';
import { decodeModelAsset, encodeModelAsset, MODEL_ASSET_BYTES } from '../../src/explorables/model-asset.ts';
import { formatTopDigits } from '../../src/explorables/format.ts';
import { nodeRole } from '../../src/build/article/shown-names.ts';

describe('the mistake search behind "next mistake" and "previous mistake"', () => {
  const labels = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9];
  // The article's first ten predictions: image 8, a 5, is read as a 6.
  const predictions = [7, 2, 1, 0, 4, 1, 4, 9, 6, 9];

  it('finds the next image the model misreads, then goes round the end of the set', () => {
    expect(findMistake(predictions, labels, 0, 1)).toBe(8);
    expect(findMistake(predictions, labels, 8, 1)).toBe(8);
    expect(findMistake(predictions, labels, 9, 1)).toBe(8);
  });

  it('finds the previous one the same way', () => {
    expect(findMistake(predictions, labels, 9, -1)).toBe(8);
    expect(findMistake(predictions, labels, 3, -1)).toBe(8);
  });

  it('finds nothing in a set without mistakes, or an empty one', () => {
    expect(findMistake(labels, labels, 0, 1)).toBeUndefined();
    expect(findMistake([], [], 0, -1)).toBeUndefined();
  });

  it('counts the mistakes and reads predictions off rows of probabilities', () => {
    expect(countMistakes(predictions, labels)).toBe(1);
    const rows = [0.1, 0.7, 0.2, 0.5, 0.25, 0.25];
    expect([...predictionsOf(rows, 3)]).toEqual([1, 0]);
  });
});

describe('pixels and rows of W', () => {
  it('maps pixel 380 to row 13, column 16, and back', () => {
    expect(pixelPosition(380)).toEqual({ row: 13, column: 16 });
    expect(pixelIndex(13, 16)).toBe(380);
    expect(() => pixelPosition(784)).toThrow(RangeError);
    expect(() => pixelIndex(28, 0)).toThrow(RangeError);
  });

  it('reads a pixel’s ten weights from a [784, 10] matrix given row by row', () => {
    const weights = Array.from({ length: 7840 }, (_, i) => i);
    expect(weightsRow(weights, 380)).toEqual([3800, 3801, 3802, 3803, 3804, 3805, 3806, 3807, 3808, 3809]);
    expect(weightsColumn(weights, 3).slice(0, 3)).toEqual([3, 13, 23]);
    expect(() => weightsRow(weights.slice(1), 0)).toThrow(RangeError);
  });

  it('moves with the arrow keys and stays inside the image at its edges', () => {
    expect(movePixel(380, 'ArrowUp')).toBe(352);
    expect(movePixel(380, 'ArrowDown')).toBe(408);
    expect(movePixel(380, 'ArrowLeft')).toBe(379);
    expect(movePixel(380, 'ArrowRight')).toBe(381);
    expect(movePixel(380, 'Home')).toBe(364);
    expect(movePixel(380, 'End')).toBe(391);
    expect(movePixel(0, 'ArrowUp')).toBe(0);
    expect(movePixel(0, 'ArrowLeft')).toBe(0);
    expect(movePixel(783, 'ArrowRight')).toBe(783);
    expect(movePixel(783, 'ArrowDown')).toBe(783);
    expect(movePixel(380, 'a')).toBe(380);
  });

  it('finds the pixel under a point of a picture of the image', () => {
    expect(pixelAt((16 + 0.5) / 28, (13 + 0.5) / 28)).toBe(380);
    expect(pixelAt(0, 0)).toBe(0);
    expect(pixelAt(1, 1)).toBe(783);
  });
});

describe('the model on one image, in plain arithmetic', () => {
  it('is softmax(x·W + b)', () => {
    const weights = new Array(7840).fill(0);
    weights[380 * 10 + 3] = 2; // pixel 380 votes for a 3
    const bias = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const pixels = new Array(784).fill(0);
    pixels[380] = 1;
    const probabilities = probabilitiesOf({ weights, bias }, pixels);
    expect(probabilities).toEqual(softmax([0, 0, 0, 2, 0, 0, 0, 0, 0, 1]));
    expect(predictionOf(probabilities)).toBe(3);
    expect(topDigits(probabilities, 2).map(({ digit }) => digit)).toEqual([3, 9]);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
  });

  it('says why a W or b cannot classify 28 × 28 images', () => {
    expect(modelShapeProblem([784, 10], [10])).toBeUndefined();
    expect(modelShapeProblem([10, 10], [10])).toBe('W has shape [10, 10], not [784, 10]');
    expect(modelShapeProblem([784, 10], [1, 10])).toBe('b has shape [1, 10], not [10]');
  });

  it('names the most probable digits in the page’s language', () => {
    const probabilities = [0, 0, 0, 0.2, 0, 0, 0, 0.75, 0, 0.05];
    expect(formatTopDigits(probabilities, 'en')).toBe('7 (75%), 3 (20%), and 9 (5%)');
    expect(formatTopDigits(probabilities, 'ja')).toBe('7（75%）、3（20%）、9（5%）');
  });
});

describe('the model file', () => {
  it('holds W then b as 7,850 little-endian float32 values', () => {
    const weights = Array.from({ length: 7840 }, (_, i) => Math.fround(Math.sin(i)));
    const bias = Array.from({ length: 10 }, (_, i) => Math.fround(i / 3));
    const bytes = encodeModelAsset({ weights, bias });
    expect(bytes.length).toBe(MODEL_ASSET_BYTES);
    expect(MODEL_ASSET_BYTES).toBe(31_400);
    expect(new DataView(bytes.buffer).getFloat32(4, true)).toBe(weights[1]);
    const decoded = decodeModelAsset(bytes.buffer as ArrayBuffer);
    expect(Array.from(decoded.weights)).toEqual(weights);
    expect(Array.from(decoded.bias)).toEqual(bias);
    expect(() => decodeModelAsset(new ArrayBuffer(12))).toThrow(/31400 bytes/);
  });
});

describe('an explorer in the notebook', () => {
  it('is a view of the model W and b, or of the variables its props name', () => {
    expect(nodeRole({ name: 'Explorer', props: { kind: 'test-image' } })).toEqual({ kind: 'view', shows: ['W', 'b'] });
    expect(nodeRole({ name: 'Explorer', props: { kind: 'draw', weights: 'W2', bias: 'b2' } })).toEqual({
      kind: 'view',
      shows: ['W2', 'b2'],
    });
  });
});
