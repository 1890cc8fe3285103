/** Runs a figure program to its end at build time (CPU backend), once per build. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../runtime/tf-extensions.ts';
import { runExclusive } from './exclusive.ts';
import { FIGURE_PROGRAMS, type FigureFrame, type FigureProgramName } from '../../figures/programs.ts';

const finalFrames = new Map<FigureProgramName, Promise<FigureFrame>>();

export function finalFigureFrame(name: FigureProgramName): Promise<FigureFrame> {
  let frame = finalFrames.get(name);
  if (!frame) {
    frame = runExclusive(async () => {
      await tf.setBackend('cpu');
      return FIGURE_PROGRAMS[name](tf, () => {});
    });
    finalFrames.set(name, frame);
  }
  return frame;
}
