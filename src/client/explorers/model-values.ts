/**
 * The model an explorer shows, as numbers in the page: for the rows of W under the pointer and for
 * the heat maps. A training cell's latest values, else a run's (they came with its end), else the
 * build's small model file, fetched once per page.
 */
import { decodeModelAsset } from '../../explorables/model-asset.ts';
import { BIAS_OFFSET } from '../../explorables/model-asset.ts';
import { CLASSES } from '../../explorables/pixels.ts';
import type { ResultValue } from '../../runtime/protocol.ts';
import type { ExplorerChannel } from './explorer-view.ts';

export interface PageModel {
  weights: number[];
  bias: number[];
  /** Where the weights come from: a training cell as it runs, a finished run, or the build's file. */
  source: 'training' | 'run' | 'file';
}

const files = new Map<string, Promise<{ weights: number[]; bias: number[] }>>();

function modelFile(url: string): Promise<{ weights: number[]; bias: number[] }> {
  let file = files.get(url);
  if (!file) {
    file = fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const { weights, bias } = decodeModelAsset(await response.arrayBuffer());
        return { weights: Array.from(weights), bias: Array.from(bias) };
      })
      .catch((error: unknown) => {
        files.delete(url);
        throw error;
      });
    files.set(url, file);
  }
  return file;
}

function tensorValues(value: ResultValue | undefined, size: number): number[] | undefined {
  return value?.kind === 'tensor' && value.values.length === size ? value.values : undefined;
}

/** The values of the model shown now; undefined when there is none (or its file cannot be read). */
export async function pageModel(channel: ExplorerChannel): Promise<PageModel | undefined> {
  const { model, training } = channel.state;
  const fromTraining = training
    ? { weights: tensorValues(training.values[channel.weights], BIAS_OFFSET), bias: tensorValues(training.values[channel.bias], CLASSES) }
    : {};
  const fromRun =
    model.kind === 'session'
      ? { weights: tensorValues(model.values[channel.weights], BIAS_OFFSET), bias: tensorValues(model.values[channel.bias], CLASSES) }
      : {};
  const source = fromTraining.weights ? 'training' : fromRun.weights ? 'run' : 'file';
  let weights = fromTraining.weights ?? fromRun.weights;
  let bias = fromTraining.bias ?? fromRun.bias;
  if ((!weights || !bias) && channel.modelUrl && model.kind !== 'none') {
    const file = await modelFile(channel.modelUrl).catch(() => undefined);
    weights ??= file?.weights;
    bias ??= file?.bias;
  }
  return weights && bias ? { weights, bias, source } : undefined;
}
