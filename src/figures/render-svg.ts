/**
 * SVG markup for the animated figures, from a frame. Pure string building from numbers, shared by
 * the build (the final frame baked into the page) and the browser (each frame of an animation).
 */
import type { FigureFrame, KmeansFrame, Point, RegressionFrame } from './programs.ts';

const SIZE = 320;
const PALETTE = ['#0b57d0', '#d93025', '#188038'];

/** Maps [-1.2, 1.2] on both axes to the drawing, y up. */
function toScreen([x, y]: Point): Point {
  const scale = SIZE / 2.4;
  return [Number(((x + 1.2) * scale).toFixed(1)), Number(((1.2 - y) * scale).toFixed(1))];
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function svg(content: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${escapeAttribute(label)}" class="figure-svg"><rect width="${SIZE}" height="${SIZE}" fill="var(--background, #fff)" stroke="var(--border, #ccc)"/>${content}</svg>`;
}

function renderRegression(frame: RegressionFrame, label: string): string {
  const dots = frame.points.map((p) => {
    const [x, y] = toScreen(p);
    return `<circle cx="${x}" cy="${y}" r="3" fill="#5b6270"/>`;
  });
  const path = frame.curve.map((p, i) => `${i === 0 ? 'M' : 'L'}${toScreen(p).join(' ')}`).join('');
  return svg(`${dots.join('')}<path d="${path}" fill="none" stroke="${PALETTE[1]}" stroke-width="3"/>`, label);
}

function renderKmeans(frame: KmeansFrame, label: string): string {
  const dots = frame.points.map((p, i) => {
    const [x, y] = toScreen(p);
    const cluster = frame.assignments[i] ?? -1;
    return `<circle cx="${x}" cy="${y}" r="3.5" fill="${cluster >= 0 ? PALETTE[cluster % PALETTE.length] : '#9aa0a6'}" fill-opacity="0.7"/>`;
  });
  const centroids = frame.centroids.map((p, k) => {
    const [x, y] = toScreen(p);
    return `<path d="M${x - 9} ${y - 9}L${x + 9} ${y + 9}M${x - 9} ${y + 9}L${x + 9} ${y - 9}" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="4"/>`;
  });
  return svg(dots.join('') + centroids.join(''), label);
}

export function renderFrame(frame: FigureFrame, label: string): string {
  return frame.kind === 'kmeans' ? renderKmeans(frame, label) : renderRegression(frame, label);
}

/** The step or iteration a frame shows, for the caption under the animation. */
export function frameProgress(frame: FigureFrame): number {
  return frame.kind === 'kmeans' ? frame.iteration : frame.step;
}
