/**
 * The questions the explorers ask the session worker, and its answers: plain data that crosses
 * the worker's channel (protocol.ts, `query`). The worker answers them with TensorFlow.js between
 * cell runs (src/worker/explorer-queries.ts), on the model the explorer shows.
 */
import type { Stroke } from './drawing.ts';

export const EXPLORER_PROGRAMS = ['test-image', 'classify-drawing'] as const;
export type ExplorerProgram = (typeof EXPLORER_PROGRAMS)[number];

export function isExplorerProgram(name: string): name is ExplorerProgram {
  return (EXPLORER_PROGRAMS as readonly string[]).includes(name);
}

/** Test image `index`, or the nearest one after (before) it that the model misreads. */
export interface TestImageQuestion {
  index: number;
  seek?: 'next-mistake' | 'previous-mistake';
}

export interface TestImageAnswer {
  index: number;
  label: number;
  prediction: number;
  probabilities: number[];
  /** The image's 784 grey levels, 0..255. */
  bytes: number[];
  /** How many of the set's images the model misreads. */
  mistakes: number;
  count: number;
}

export interface DrawingQuestion {
  strokes: Stroke[];
}

export type DrawingAnswer =
  | { empty: true }
  | {
      empty?: false;
      /** The 784 grey levels in [0, 1] the model sees. */
      pixels: number[];
      probabilities: number[];
      prediction: number;
    };

/** What keeps a question from being answered, for the explorer to say in the page's language. */
export type QueryProblem =
  /** The session does not hold the value (it was lost, or never made). */
  | { problem: 'missing'; name: string }
  /** The value is not a model for 28 × 28 images (the reader changed W's shape, say). */
  | { problem: 'shape'; detail: string }
  /** A mistake was asked for and the model makes none. */
  | { problem: 'no-mistake' };

export type QueryAnswer<P extends ExplorerProgram> = (P extends 'test-image' ? TestImageAnswer : DrawingAnswer) | QueryProblem;

export function isProblem(answer: unknown): answer is QueryProblem {
  return typeof answer === 'object' && answer !== null && 'problem' in answer;
}
