import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_LAYOUTS, cellHeightProperties, chartRatio, dependencyText, estimateCellHeight } from '../../src/build/cell-height.ts';

const CODE_LINE = 13 * 1.55;
const LIVE_COMPONENTS = resolve(import.meta.dirname, '../../src/components/live');

/** Heights are whole pixels: within one of the exact difference. */
function expectAbout(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);
}
const plain = { code: 'const a = 1;', output: '1', dependencies: '', chartRatio: 0 };

describe('a live cell’s height before it is drawn', () => {
  it('grows by a line of code for each line the code wraps to, on a phone and not on a wide screen', () => {
    const long = { ...plain, code: `const total = ${'value + '.repeat(8)}value;` }; // 78 characters
    const { narrow, wide } = CELL_LAYOUTS;
    expectAbout(estimateCellHeight(long, narrow) - estimateCellHeight(plain, narrow), 2 * CODE_LINE);
    expect(estimateCellHeight(long, wide)).toBe(estimateCellHeight(plain, wide));
  });

  it('counts the output the build printed, and nothing for a cell without one', () => {
    const { wide } = CELL_LAYOUTS;
    const threeLines = estimateCellHeight({ ...plain, output: 'a\nb\nc' }, wide);
    expectAbout(threeLines - estimateCellHeight(plain, wide), 2 * CODE_LINE);
    expect(estimateCellHeight({ ...plain, output: undefined }, wide)).toBeLessThan(estimateCellHeight(plain, wide));
  });

  it('adds the dependency line, a line of the interface’s face for each line it wraps to, more of them beside an original', () => {
    const dependencies = dependencyText(
      {
        uses: [
          { from: 'inputs', anchor: 'cell-inputs', names: ['x', 'y_'] },
          { from: 'train', anchor: 'cell-train', names: ['W', 'b'] },
        ],
        usedBy: ['softmax', 'evaluate', 'loss', 'log-y'],
      },
      { uses: 'uses', usedBy: 'used by' },
    );
    expect(dependencies).toBe('uses xy_ ← inputs · Wb ← train — used by softmax, evaluate, loss, log-y');
    const { wide, widePaired } = CELL_LAYOUTS;
    // 72 characters: one line of a wide cell (114 columns), two beside an original (57).
    const alone = estimateCellHeight({ ...plain, dependencies }, wide);
    expectAbout(alone - estimateCellHeight(plain, wide), 9 + 14 * 1.4);
    expectAbout(estimateCellHeight({ ...plain, dependencies }, widePaired) - estimateCellHeight(plain, widePaired), 9 + 2 * 14 * 1.4);
  });

  it('adds a chart at the width it is drawn, from the shape of its picture', () => {
    const ratio = chartRatio('<svg viewBox="0 0 480 220" role="img"></svg><svg viewBox="0 0 480 440"></svg>');
    expect(ratio).toBeCloseTo(220 / 480);
    const { narrow, wide } = CELL_LAYOUTS;
    const onPhone = estimateCellHeight({ ...plain, chartRatio: ratio }, narrow) - estimateCellHeight(plain, narrow);
    const onScreen = estimateCellHeight({ ...plain, chartRatio: ratio }, wide) - estimateCellHeight(plain, wide);
    expectAbout(onScreen - onPhone, (wide.chartWidthPx - narrow.chartWidthPx) * ratio);
    expect(chartRatio('')).toBe(0);
  });

  it('writes one style property per layout, each read by the stylesheets', () => {
    const style = cellHeightProperties(plain);
    const properties = style.split('; ').map((declaration) => declaration.split(':')[0] ?? '');
    expect(properties).toHaveLength(Object.keys(CELL_LAYOUTS).length);
    expect(style).toContain(`--cell-height-wide: ${estimateCellHeight(plain, CELL_LAYOUTS.wide)}px`);
    const stylesheets = ['LiveCell.css', 'CodePair.css'].map((file) => readFileSync(resolve(LIVE_COMPONENTS, file), 'utf8')).join('\n');
    for (const property of properties) expect(stylesheets).toContain(`var(${property},`);
  });
});
