import { describe, expect, it } from 'vitest';
import { wrappedLineCount } from '../../src/build/wrapped-lines.ts';

describe('wrappedLineCount', () => {
  it('counts a line that fits as one, and each line of the code', () => {
    expect(wrappedLineCount('x = 1', 10)).toBe(1);
    expect(wrappedLineCount('a\nb\n\nc', 10)).toBe(4);
  });

  it('breaks a long line at the last space that fits, as the browser does', () => {
    // "W = tf.Variable(" is 16 characters and does not fit after "x = 1; " in 20 columns.
    expect(wrappedLineCount('x = 1; W = tf.Variable(tf.zeros([784, 10]))', 20)).toBe(3);
    expect(wrappedLineCount('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLineCount('aaaa bbbb cccc', 14)).toBe(1);
  });

  it('cuts a word longer than a line where the line ends', () => {
    expect(wrappedLineCount('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLineCount(`ab ${'x'.repeat(25)}`, 10)).toBe(4);
  });

  it('breaks after a hyphen inside a word, as Chromium does in a printed tensor', () => {
    expect(wrappedLineCount('x aaa-bbb', 6)).toBe(2);
    // Drawn by Chromium at 37 columns as `[2.895812e-05 4.421297e-10 1.282455e-` and `04 1.638048e-03 5.982405e-07`.
    expect(wrappedLineCount('[2.895812e-05 4.421297e-10 1.282455e-04 1.638048e-03 5.982405e-07', 37)).toBe(2);
    expect(wrappedLineCount('-1 -2', 2)).toBe(2);
  });

  it('gives a Japanese character five thirds of a column (one em against the code face’s 0.6 em)', () => {
    expect(wrappedLineCount('重みを学習す', 10)).toBe(1);
    expect(wrappedLineCount('重みを学習する', 10)).toBe(2);
    expect(wrappedLineCount('# 重みを学習する', 10)).toBe(2);
  });

  it('refuses a width that is not a positive whole number of columns', () => {
    expect(() => wrappedLineCount('x', 0)).toThrow(RangeError);
  });
});
