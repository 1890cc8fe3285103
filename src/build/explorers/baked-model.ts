/**
 * What the explorers show before the reader runs anything: the build's trained W and b as an
 * explorer sees them (its node's providers), the model file the page fetches (named by its
 * content: the same model, one file, cacheable for good), a test image through that model and the
 * number of test images it misreads, all computed here from the build's values and the IDX files.
 */
import { createHash } from 'node:crypto';
import type { PageNotebook } from '../article/page-notebook.ts';
import { encodeModelAsset } from '../../explorables/model-asset.ts';
import { bytesToInput, modelShapeProblem, predictionOf, probabilitiesOf, type ModelValues } from '../../explorables/model.ts';
import { countMistakes } from '../../explorables/mistakes.ts';
import { readMnistImage } from '../mnist-files.ts';

export interface BakedModel extends ModelValues {
  weights: number[];
  bias: number[];
  /** The model file's name, e.g. `3f2a….bin`, under models/. */
  fileName: string;
  bytes: Uint8Array;
}

export interface ExplorerNames {
  weights: string;
  bias: string;
}

/** The build's model as an explorer at `node` sees it, when it is one for 28 × 28 images. */
export function bakedModel(notebook: PageNotebook | undefined, node: string | undefined, names: ExplorerNames): BakedModel | undefined {
  const weights = notebook?.valueAt(node, names.weights);
  const bias = notebook?.valueAt(node, names.bias);
  if (weights?.kind !== 'tensor' || bias?.kind !== 'tensor' || modelShapeProblem(weights.shape, bias.shape)) return undefined;
  const bytes = encodeModelAsset({ weights: weights.values, bias: bias.values });
  const fileName = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.bin`;
  return { weights: weights.values, bias: bias.values, fileName, bytes };
}

/** Where the page fetches a model file (src/pages/models/[model].bin.ts writes it). */
export function modelFileUrl(fileName: string): string {
  return `${import.meta.env.BASE_URL}models/${fileName}`;
}

export interface BakedTestImage {
  index: number;
  /** 784 grey levels, 0..255. */
  bytes: Uint8Array;
  label: number;
  probabilities: number[];
  prediction: number;
}

export function bakedTestImage(model: ModelValues | undefined, index: number): BakedTestImage {
  const image = readMnistImage('test', index);
  const probabilities = model ? probabilitiesOf(model, bytesToInput(image.pixels)) : [];
  return { index, bytes: image.pixels, label: image.label, probabilities, prediction: model ? predictionOf(probabilities) : -1 };
}

const TEST_IMAGES = 10_000;
const mistakesByModel = new Map<string, number>();

/** How many of the 10,000 test images the model misreads (once per model and build: ~0.1 s). */
export function bakedMistakes(model: BakedModel): { mistakes: number; count: number } {
  let mistakes = mistakesByModel.get(model.fileName);
  if (mistakes === undefined) {
    const predictions: number[] = [];
    const labels: number[] = [];
    for (let index = 0; index < TEST_IMAGES; index++) {
      const image = readMnistImage('test', index);
      predictions.push(predictionOf(probabilitiesOf(model, bytesToInput(image.pixels))));
      labels.push(image.label);
    }
    mistakes = countMistakes(predictions, labels);
    mistakesByModel.set(model.fileName, mistakes);
  }
  return { mistakes, count: TEST_IMAGES };
}
