/**
 * How often a running cell's output (printed lines, progress, chart points) and its watched
 * variables (the weight views) reach the page, which draws a frame for each.
 *
 * Each batch costs the page a style, layout and paint of a long document (traced on a two-core
 * machine: the page's main thread went from 21 % of a core at four batches a second to 13 % at
 * two). Where WebGL has a graphics card, that is all, and twice a second keeps the page lively. Where
 * WebGL is rendered in software (SwiftShader, llvmpipe: a computer without a usable GPU), the same
 * processor draws the page's frames and runs the training, and a frame is dear: measured on a
 * two-core machine, showing the training cell's output twice a second cost the browser 2.2 s of CPU
 * in an 11-second run (1.6 s of it compositing and rasterising in the GPU process), on top of the
 * training's 20 s. There the page is sent at most one update a second.
 */
export interface DrawingPace {
  /** The least time between two batches of a running cell's output (see OutputBatcher). */
  readonly outputIntervalMs: number;
  /** The least time between two frames of the watched variables (see TrainingWatch); 0: every N steps. */
  readonly watchGapMs: number;
}

export const GPU_PACE: DrawingPace = { outputIntervalMs: 500, watchGapMs: 0 };
export const SOFTWARE_PACE: DrawingPace = { outputIntervalMs: 1000, watchGapMs: 1000 };

/**
 * Renderer names of WebGL implementations that draw with the processor: Chromium's SwiftShader
 * (through ANGLE or not), Mesa's llvmpipe and softpipe, Windows' Basic Render Driver.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software ?(?:rasterizer|renderer)|basic render driver/i;

/** True when a WebGL renderer's name (`RENDERER`, or the unmasked one) says it renders in software. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

export function drawingPaceFor(softwareRendering: boolean): DrawingPace {
  return softwareRendering ? SOFTWARE_PACE : GPU_PACE;
}
