/** Reading numbers back from what cells print, for the tests (Node and browser alike). */

/** The numbers inside the first `tf.Tensor([...])` printed after `label` in `output`. */
export function parsePrintedTensor(output: string, label: string): number[] {
  const start = output.indexOf(`${label} tf.Tensor(`);
  if (start < 0) throw new Error(`no "${label} tf.Tensor(" in the output: ${output}`);
  // Skip the label, which may hold brackets of its own (`grad W[380]`).
  const body = output.slice(start + label.length, output.indexOf('shape=', start));
  return [...body.slice(body.indexOf('[')).matchAll(/-?\d+(?:\.\d*)?(?:e[-+]\d+)?/g)].map((m) => Number(m[0]));
}

export function argMax(values: readonly number[]): number {
  return values.indexOf(Math.max(...values));
}
