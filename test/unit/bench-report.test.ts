import { describe, expect, it } from 'vitest';
import { markdownTable, median, pairedRatios, summarise } from '../../scripts/bench/report.ts';

describe('benchmark report', () => {
  it('takes the median of odd and even numbers of runs, ignoring order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('divides paired runs, so a slow moment of the machine hits both sides', () => {
    expect(pairedRatios([110, 220], [100, 200])).toEqual([1.1, 1.1]);
    expect(() => pairedRatios([1], [1, 2])).toThrow(/cannot pair/);
  });

  it('checks each median against its budget and prints a table with each measure’s lowest and highest run', () => {
    const rows = summarise([
      { name: 'JavaScript before interaction', samples: [8, 7.9, 8.1], unit: 'KB', budget: 40 },
      { name: 'training overhead', samples: [1.2, 1.05, 1.3], unit: 'ratio', budget: 1.1 },
      { name: 'tensors', samples: [12], unit: 'count' },
      { name: 'Lighthouse performance', samples: [97, 93, 96], unit: 'count', minimum: 95 },
      { name: 'layout shift', samples: [0.0123, 0.2, 0.004], unit: 'score', budget: 0.1 },
    ]);
    expect(rows.map((row) => row.withinBudget)).toEqual([true, false, undefined, true, true]);
    expect(markdownTable(rows)).toBe(
      [
        '| measure | median | lowest–highest run | budget | runs |',
        '| --- | --- | --- | --- | --- |',
        '| JavaScript before interaction | 8.0 KB | 7.9–8.1 KB | ≤ 40.0 KB ✓ | 3 |',
        '| training overhead | 1.20 × | 1.05–1.30 × | ≤ 1.10 × ✗ | 3 |',
        '| tensors | 12 |  |  | 1 |',
        '| Lighthouse performance | 96 | 93–97 | ≥ 95 ✓ | 3 |',
        '| layout shift | 0.012 | 0.004–0.200 | ≤ 0.100 ✓ | 3 |',
      ].join('\n'),
    );
  });
});
