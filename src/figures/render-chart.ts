/**
 * A small line chart as SVG markup (numbers and escaped labels only), for what cells `plot()`:
 * drawn live in the page as points arrive, and baked at build time from the same points.
 */
export type Series = Record<string, ReadonlyArray<readonly [number, number]>>;

const [WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM] = [480, 200, 56, 12, 12, 28];
const COLOURS = ['#d93025', '#0b57d0', '#188038', '#8a5a00'];

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function tick(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

export function renderLineChart(series: Series, label: string): string {
  const points = Object.values(series).flat();
  if (points.length === 0) return '';
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y).filter(Number.isFinite);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(0, ...ys), Math.max(...ys)];
  const toX = (x: number) => (LEFT + ((WIDTH - LEFT - RIGHT) * (x - xMin)) / (xMax - xMin || 1)).toFixed(1);
  const toY = (y: number) => (HEIGHT - BOTTOM - ((HEIGHT - TOP - BOTTOM) * (y - yMin)) / (yMax - yMin || 1)).toFixed(1);
  const lines = Object.entries(series).map(([name, data], index) => {
    const path = data
      .filter(([, y]) => Number.isFinite(y))
      .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${toX(x)} ${toY(y)}`)
      .join('');
    const colour = COLOURS[index % COLOURS.length];
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/><text x="${WIDTH - RIGHT}" y="${TOP + 12 + 14 * index}" text-anchor="end" font-size="12" fill="${colour}">${escapeText(name)}</text>`;
  });
  const axes = [
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${HEIGHT - BOTTOM}" stroke="#9aa0a6"/>`,
    `<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}" stroke="#9aa0a6"/>`,
    `<text x="${LEFT - 6}" y="${TOP + 10}" text-anchor="end" font-size="11">${tick(yMax)}</text>`,
    `<text x="${LEFT - 6}" y="${HEIGHT - BOTTOM}" text-anchor="end" font-size="11">${tick(yMin)}</text>`,
    `<text x="${LEFT}" y="${HEIGHT - 8}" font-size="11">${tick(xMin)}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${HEIGHT - 8}" text-anchor="end" font-size="11">${tick(xMax)}</text>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeText(label)}" class="cell-chart">${axes.join('')}${lines.join('')}</svg>`;
}
