import { describe, expect, it } from 'vitest';
import { decodeMnistAsset, encodeMnistAsset } from '../../../src/mnist/codec.ts';
import { encodeIdxHeader } from '../../../src/mnist/idx.ts';
import { createRandom } from '../../../src/mnist/random.ts';

function imagesFile(count: number, rows: number, cols: number, pixel: (image: number, y: number, x: number) => number): Uint8Array {
  const header = encodeIdxHeader({ kind: 'images', count, rows, cols });
  const file = new Uint8Array(header.length + count * rows * cols);
  file.set(header);
  for (let image = 0; image < count; image++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) file[header.length + (image * rows + y) * cols + x] = pixel(image, y, x);
    }
  }
  return file;
}

function roundTrip(file: Uint8Array, kind: 'images' | 'labels'): Uint8Array {
  return decodeMnistAsset(encodeMnistAsset(file, 'test-file', kind), 'test-file', kind);
}

describe('the MNC1 codec', () => {
  it('restores random grey levels exactly, at any image size', () => {
    const random = createRandom(11);
    for (const [rows, cols] of [
      [1, 1],
      [5, 7],
      [28, 28],
      [255, 3],
    ] as const) {
      const file = imagesFile(20, rows, cols, () => (random.nextFloat() < 0.5 ? 0 : random.nextInt(256)));
      expect(roundTrip(file, 'images')).toEqual(file);
    }
  });

  it('restores blank images, full images and single pixels in the corners', () => {
    const file = imagesFile(6, 28, 28, (image, y, x) => {
      if (image === 0) return 0;
      if (image === 1) return 255;
      const corner = [
        [0, 0],
        [0, 27],
        [27, 0],
        [27, 27],
      ][image - 2];
      return corner?.[0] === y && corner[1] === x ? 128 : 0;
    });
    expect(roundTrip(file, 'images')).toEqual(file);
  });

  it('restores labels with every byte value', () => {
    const labels = Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    const file = Uint8Array.from([...encodeIdxHeader({ kind: 'labels', count: labels.length }), ...labels]);
    expect(roundTrip(file, 'labels')).toEqual(file);
  });

  it('does not modify the file it encodes', () => {
    const file = imagesFile(3, 4, 4, (image, y, x) => image * 16 + y * 4 + x);
    const copy = file.slice();
    encodeMnistAsset(file, 'test-file', 'images');
    expect(file).toEqual(copy);
  });

  it('says when it is given an HTML page instead of an asset', () => {
    const html = new TextEncoder().encode('<!doctype html><p>Not found</p>');
    expect(() => decodeMnistAsset(html, 'train-images', 'images')).toThrow(
      'MNIST file train-images: not an MNC1 asset (it starts with "<!do", which looks like HTML); is the URL right?',
    );
  });

  it('detects a truncated or extended asset', () => {
    const random = createRandom(5);
    const asset = encodeMnistAsset(
      imagesFile(50, 28, 28, () => random.nextInt(256)),
      'train-images',
      'images',
    );
    expect(() => decodeMnistAsset(asset.subarray(0, asset.length - 2), 'train-images', 'images')).toThrow(
      /MNIST file train-images: corrupt asset/,
    );
    expect(() => decodeMnistAsset(Uint8Array.from([...asset, 0, 0]), 'train-images', 'images')).toThrow(/corrupt asset/);
    expect(() => decodeMnistAsset(asset.subarray(0, 30), 'train-images', 'images')).toThrow(/corrupt asset/);
  });

  it('refuses images larger than 255 pixels a side', () => {
    const file = imagesFile(1, 256, 1, () => 0);
    expect(() => encodeMnistAsset(file, 'big', 'images')).toThrow(/larger than the codec supports/);
  });
});
