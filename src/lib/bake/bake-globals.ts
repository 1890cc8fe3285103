/**
 * The lazily loaded globals that cells get at build time, and the seed that makes their random
 * choices (MNIST batches) the same as in a reader's browser.
 */
export const BAKE_SEED = 0;

export function bakeGlobals(_projectRoot: string): Record<string, () => Promise<unknown>> {
  return {};
}

/** What identifies the data the cells read; '' while no data set is wired in. */
export function dataChecksum(_projectRoot: string): string {
  return '';
}
