/**
 * The layers and data APIs for cells that run at build time (Node, CPU backend), imported only when
 * an article's cell uses them (see runtime/layers/layers-extension.ts). The browser's importer is
 * the worker's (src/worker/tfjs-layers.ts).
 */
import type { LayersImporter } from '../../runtime/layers/layers-extension.ts';

export const importLayersModules: LayersImporter = async () => {
  const [layers, data] = await Promise.all([import('@tensorflow/tfjs-layers'), import('@tensorflow/tfjs-data')]);
  return { layers, data };
};
