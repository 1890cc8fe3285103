import { describe, expect, it } from 'vitest';
import { cumulativeLayoutShift } from '../../scripts/bench/layout-shift.ts';

describe('the layout shift score of the benchmark', () => {
  it('is the largest session window: shifts less than 1 s apart, windows at most 5 s long', () => {
    expect(cumulativeLayoutShift([])).toBe(0);
    // Two bursts two seconds apart: the larger one counts, not the sum.
    expect(
      cumulativeLayoutShift([
        { startTime: 0, value: 0.01 },
        { startTime: 500, value: 0.02 },
        { startTime: 2500, value: 0.04 },
      ]),
    ).toBeCloseTo(0.04);
    // Shifts every 0.9 s never end a window by gap, but a window stops at 5 s.
    const steady = Array.from({ length: 10 }, (_, i) => ({ startTime: i * 900, value: 0.01 }));
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.06);
  });
});
