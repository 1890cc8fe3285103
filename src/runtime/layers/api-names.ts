/**
 * What the layers extension adds to the cells' `tf`: the members that `@tensorflow/tfjs` (the full
 * package) has beyond `@tensorflow/tfjs-core`, i.e. every export of `@tensorflow/tfjs-layers`, the
 * `data` namespace of `@tensorflow/tfjs-data`, and our `fitCallbacks`. A cell that reads one of them
 * from `tf` makes the session load the layers code first. A unit test (layers-api.test.ts) checks
 * this list against the packages, so that an upgrade cannot leave a name out.
 *
 * Not here, on purpose: `tf.losses`, `tf.train`, `tf.io`... are core's, so the article's cells (its
 * `safe-loss` cell uses `tf.losses.softmaxCrossEntropy`) never load the layers code.
 */
export const LAYERS_API_NAMES = [
  // @tensorflow/tfjs-layers 4.22.0
  'Callback',
  'CallbackList',
  'CustomCallback',
  'EarlyStopping',
  'History',
  'InputSpec',
  'LayerVariable',
  'LayersModel',
  'RNN',
  'Sequential',
  'SymbolicTensor',
  'callbacks',
  'constraints',
  'initializers',
  'input',
  'layers',
  'loadLayersModel',
  'metrics',
  'model',
  'models',
  'registerCallbackConstructor',
  'regularizers',
  'sequential',
  'version_layers',
  // @tensorflow/tfjs-data 4.22.0, as the full package exposes it
  'data',
  // ours: model.fit's progress bar and curves under the cell (fit-callbacks.ts)
  'fitCallbacks',
] as const;

const NAMES: ReadonlySet<string> = new Set(LAYERS_API_NAMES);

/** True when a cell reads any of the layers API's members from `tf` (see CompiledCell.tfMembers). */
export function needsLayersApi(tfMembers: ReadonlySet<string>): boolean {
  for (const name of tfMembers) if (NAMES.has(name)) return true;
  return false;
}
