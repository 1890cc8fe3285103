/**
 * Small TensorFlow.js programs that animate the article's first figures. They take `tf` as an
 * argument and report frames, so the same code animates in the browser worker and draws the
 * final picture at build time in Node.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { createRandom, type Random } from '../mnist/random.ts';

export type Point = [number, number];

export interface RegressionFrame {
  kind: 'nonlinear-regression';
  step: number;
  points: Point[];
  curve: Point[];
}

export interface KmeansFrame {
  kind: 'kmeans';
  iteration: number;
  points: Point[];
  assignments: number[];
  centroids: Point[];
}

export type FigureFrame = RegressionFrame | KmeansFrame;
export type FigureProgramName = FigureFrame['kind'];
export type FigureProgram = (tf: typeof tfCore, onFrame: (frame: FigureFrame) => void) => Promise<FigureFrame>;

const SEED = 7;

function gaussian(random: Random): number {
  // Box-Muller: enough for scattering points in a figure.
  const u = Math.max(random.nextFloat(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextFloat());
}

/** Fits a small neural network (1 -> 24 tanh -> 1) to noisy points of a curvy function. */
export const nonlinearRegression: FigureProgram = async (tf, onFrame) => {
  const random = createRandom(SEED);
  const points: Point[] = Array.from({ length: 60 }, (_, i) => {
    const x = -1 + (2 * i) / 59;
    return [x, 0.7 * Math.sin(2.5 * x) + 0.25 * x + 0.08 * gaussian(random)];
  });
  const grid = Array.from({ length: 81 }, (_, i) => -1 + i / 40);
  const xs = tf.tensor2d(points.map(([x]) => [x]));
  const ys = tf.tensor2d(points.map(([, y]) => [y]));
  const gridTensor = tf.tensor2d(grid.map((x) => [x]));
  // tidy frees the initial values once the variables have copied them.
  const init = (rows: number, cols: number) =>
    tf.tidy(() =>
      tf.variable(
        tf.tensor2d(
          Array.from({ length: rows * cols }, () => gaussian(random) * 0.8),
          [rows, cols],
        ),
      ),
    );
  const w1 = init(1, 24);
  const b1 = tf.tidy(() => tf.variable(tf.zeros([24])));
  const w2 = init(24, 1);
  const b2 = tf.tidy(() => tf.variable(tf.zeros([1])));
  const predict = (x: tfCore.Tensor2D) => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2);
  const optimizer = tf.train.adam(0.03);
  const frameAt = async (step: number): Promise<RegressionFrame> => {
    const curve = tf.tidy(() => predict(gridTensor));
    const values = await curve.data();
    curve.dispose();
    return { kind: 'nonlinear-regression', step, points, curve: grid.map((x, i) => [x, values[i] ?? 0]) };
  };
  let frame = await frameAt(0);
  onFrame(frame);
  try {
    for (let step = 1; step <= 300; step++) {
      optimizer.minimize(() => tf.mean(tf.square(tf.sub(predict(xs), ys))));
      if (step % 15 === 0) {
        frame = await frameAt(step);
        onFrame(frame);
      }
    }
  } finally {
    tf.dispose([xs, ys, gridTensor, w1, b1, w2, b2]);
    optimizer.dispose();
  }
  return frame;
};

/** Groups three blobs of points with k-means, one frame per iteration. */
export const kmeans: FigureProgram = async (tf, onFrame) => {
  const random = createRandom(SEED);
  const centres: Point[] = [
    [-0.5, 0.4],
    [0.5, 0.5],
    [0.05, -0.5],
  ];
  const points: Point[] = centres.flatMap(([cx, cy]) =>
    Array.from({ length: 50 }, (): Point => [cx + 0.13 * gaussian(random), cy + 0.13 * gaussian(random)]),
  );
  let centroids = farthestPoints(points, 3);
  const pointTensor = tf.tensor2d(points);
  let frame: KmeansFrame = { kind: 'kmeans', iteration: 0, points, assignments: points.map(() => -1), centroids };
  onFrame(frame);
  try {
    for (let iteration = 1; iteration <= 8; iteration++) {
      const [assignmentTensor, centroidTensor] = tf.tidy(() => {
        const c = tf.tensor2d(centroids);
        // Squared distance of every point to every centroid: [150, 3].
        const distances = tf.sum(tf.square(tf.sub(tf.expandDims(pointTensor, 1), tf.expandDims(c, 0))), 2);
        const assignments = tf.argMin(distances, 1) as tfCore.Tensor1D;
        const sums = tf.unsortedSegmentSum(pointTensor, assignments, 3);
        const counts = tf.unsortedSegmentSum(tf.ones([points.length, 1]), assignments, 3);
        return [assignments, tf.div(sums, tf.maximum(counts, 1))];
      });
      const assignments = Array.from(await assignmentTensor.data());
      const next = await centroidTensor.array();
      tf.dispose([assignmentTensor, centroidTensor]);
      centroids = (next as number[][]).map((row, k) => (assignments.includes(k) ? [row[0] ?? 0, row[1] ?? 0] : (centroids[k] ?? [0, 0])));
      frame = { kind: 'kmeans', iteration, points, assignments, centroids };
      onFrame(frame);
    }
  } finally {
    pointTensor.dispose();
  }
  return frame;
};

/**
 * Deterministic spread-out starting centroids: the first point, then each time the point farthest
 * from those already chosen (k-means started from three points of one blob gets stuck).
 */
function farthestPoints(points: readonly Point[], count: number): Point[] {
  const chosen: Point[] = [points[0] ?? [0, 0]];
  const distanceTo = ([x, y]: Point, [cx, cy]: Point) => (x - cx) ** 2 + (y - cy) ** 2;
  while (chosen.length < count) {
    let best: Point = points[0] ?? [0, 0];
    let bestDistance = -1;
    for (const point of points) {
      const distance = Math.min(...chosen.map((centroid) => distanceTo(point, centroid)));
      if (distance > bestDistance) [best, bestDistance] = [point, distance];
    }
    chosen.push(best);
  }
  return chosen;
}

export const FIGURE_PROGRAMS: Record<FigureProgramName, FigureProgram> = {
  'nonlinear-regression': nonlinearRegression,
  kmeans,
};

export function isFigureProgramName(name: string): name is FigureProgramName {
  return name in FIGURE_PROGRAMS;
}
