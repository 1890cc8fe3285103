import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, shuffleInPlace } from '../../../src/mnist/random.ts';

describe('seeded random numbers', () => {
  it('produces the published mulberry32 sequence, so every engine gets the same batches', () => {
    // Values of the reference mulberry32 (Tommy Ettinger's JavaScript version) seeded with 0 and with 42.
    const zero = createRandom(0);
    expect([zero.nextUint32(), zero.nextUint32(), zero.nextUint32()]).toEqual([1144304738, 1416247, 958946056]);
    const fortyTwo = createRandom(42);
    expect(fortyTwo.nextFloat()).toBeCloseTo(0.6011037519201636, 15);
  });

  it('gives the same sequence for the same seed and another one for another seed', () => {
    const sequence = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(7)).not.toEqual(sequence(8));
  });

  it('draws integers below the bound, every value reachable', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const value = random.nextInt(10);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(10);
      seen.add(value);
    }
    expect(seen.size).toBe(10);
    expect(() => random.nextInt(0)).toThrow(RangeError);
  });

  it('shuffles into a permutation', () => {
    const values = Uint32Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(values, createRandom(3));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...values]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('derives different seeds for different streams of one seed', () => {
    expect(new Set([0, 1, 2].map((stream) => deriveSeed(0, stream))).size).toBe(3);
    expect(deriveSeed(5, 1)).toBe(deriveSeed(5, 1));
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => createRandom(0.5)).toThrow(RangeError);
  });
});
