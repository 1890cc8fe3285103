/**
 * A small seedable PRNG (mulberry32 by Tommy Ettinger). It only uses 32-bit
 * integer operations (Math.imul, >>>), so a seed gives the same sequence in
 * every JavaScript engine, unlike Math.random, which cannot be seeded.
 */
export interface Random {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1), with 32 bits of randomness. */
  nextFloat(): number;
  /** Uniform integer in [0, bound), without modulo bias. bound ≤ 2^32. */
  nextInt(bound: number): number;
}

export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 4294967296,
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > 4294967296) {
        throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`);
      }
      // Reject the top partial copy of [0, bound) so every value is equally likely.
      const limit = 4294967296 - (4294967296 % bound);
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % bound;
      }
    },
  };
}

/**
 * A seed for an independent stream derived from a base seed, so that e.g.
 * the train and test batches do not replay the same shuffles
 * (murmur3's 32-bit finalizer, which spreads nearby inputs apart).
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates shuffle, in place. */
export function shuffleInPlace(values: Uint32Array, random: Random): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const swap = values[i] ?? 0;
    values[i] = values[j] ?? 0;
    values[j] = swap;
  }
}
