import { describe, expect, it } from 'vitest';
import { encodeIdxHeader, parseIdxHeader, validateIdxFile } from '../../../src/mnist/idx.ts';
import { MnistError } from '../../../src/mnist/errors.ts';

function labelsFile(labels: number[]): Uint8Array {
  const header = encodeIdxHeader({ kind: 'labels', count: labels.length });
  return Uint8Array.from([...header, ...labels]);
}

describe('IDX headers', () => {
  it('reads the count and image size of an images file', () => {
    const header = encodeIdxHeader({ kind: 'images', count: 3, rows: 28, cols: 28 });
    expect(parseIdxHeader(header, 'train-images', 'images')).toEqual({ kind: 'images', count: 3, rows: 28, cols: 28 });
  });

  it('names the file and both magic numbers when a labels file is an images file', () => {
    const images = encodeIdxHeader({ kind: 'images', count: 1, rows: 1, cols: 1 });
    expect(() => parseIdxHeader(images, 't10k-labels', 'labels')).toThrow(
      new MnistError('t10k-labels', 'expected magic 2049 (labels), got 2051 (images)'),
    );
    expect(() => parseIdxHeader(images, 't10k-labels', 'labels')).toThrow('MNIST file t10k-labels: expected magic 2049 (labels), got 2051');
  });

  it('recognises a still gzipped file and says to decompress it', () => {
    const gzip = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0);
    expect(() => parseIdxHeader(gzip, 'train-labels', 'labels')).toThrow(/gzip file; decompress it first/);
  });

  it('rejects a file too short to hold a header', () => {
    expect(() => parseIdxHeader(Uint8Array.of(0, 0), 'train-labels', 'labels')).toThrow(/only 2 bytes, too short/);
  });

  it('rejects a truncated body with the promised and actual sizes', () => {
    const file = labelsFile([1, 2, 3]).subarray(0, 10);
    expect(() => validateIdxFile(file, 'train-labels', 'labels')).toThrow(
      'MNIST file train-labels: truncated: the IDX header promises 11 bytes, got 10',
    );
  });

  it('rejects trailing bytes after the body', () => {
    const file = Uint8Array.from([...labelsFile([1, 2, 3]), 0]);
    expect(() => validateIdxFile(file, 'train-labels', 'labels')).toThrow(/1 unexpected bytes after the 11/);
  });

  it('rejects empty files and empty images', () => {
    expect(() => validateIdxFile(labelsFile([]), 'train-labels', 'labels')).toThrow(/holds 0 items/);
    const zeroRows = encodeIdxHeader({ kind: 'images', count: 1, rows: 0, cols: 28 });
    expect(() => parseIdxHeader(zeroRows, 'train-images', 'images')).toThrow(/empty image size 0×28/);
  });
});
