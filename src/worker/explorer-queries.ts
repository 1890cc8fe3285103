/**
 * Answers the explorers' questions (src/explorables/queries.ts) in the session worker: resolves the
 * model they show (a session variable, or the build's model from its small file), and runs the
 * TensorFlow.js work between cell runs, never during one. The evaluation of the 10,000 test images
 * is kept for the last model asked about, so that "next mistake" is a lookup.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import type { CellSession } from '../runtime/cell-session.ts';
import type { FromWorker, QueryValue, ToWorker } from '../runtime/protocol.ts';
import type { DataSet } from '../mnist/index.ts';
import { evaluateSet, tensorModelProblem, type SetEvaluation, type TensorModel } from '../explorables/evaluate.ts';
import { drawingToMnist, type Stroke } from '../explorables/drawing.ts';
import { countMistakes, findMistake } from '../explorables/mistakes.ts';
import { predictionOf, probabilitiesOf, type ModelValues } from '../explorables/model.ts';
import { CLASSES } from '../explorables/pixels.ts';
import {
  isExplorerProgram,
  type DrawingAnswer,
  type DrawingQuestion,
  type QueryProblem,
  type TestImageAnswer,
  type TestImageQuestion,
} from '../explorables/queries.ts';
import type { ExplorerTestSet } from './explorer-test-set.ts';

type Tf = typeof tfCore;
type QueryMessage = Extract<ToWorker, { type: 'query' }>;
type QueryResult = Extract<FromWorker, { type: 'query-result' }>;

export interface ExplorerQueriesOptions {
  tf: Tf;
  session: CellSession;
  testSet: ExplorerTestSet;
  fetch: (url: string) => Promise<Response>;
}

interface Evaluation extends SetEvaluation {
  weights: object;
  bias: object;
  images: tfCore.Tensor;
  labels: Uint8Array;
  mistakes: number;
}

export class ExplorerQueries {
  readonly #options: ExplorerQueriesOptions;
  readonly #assets = new Map<string, Promise<Float32Array>>();
  /** Downloaded files' values (little-endian float32, as every platform that runs WebGL reads them). */
  readonly #loadedAssets = new Map<string, Float32Array>();
  readonly #assetTensors = new Map<string, tfCore.Tensor>();
  #evaluation: Evaluation | undefined;
  #modelNumbers: { weights: object; bias: object; values: ModelValues } | undefined;

  constructor(options: ExplorerQueriesOptions) {
    this.#options = options;
  }

  async answer(message: QueryMessage): Promise<QueryResult> {
    try {
      if (!isExplorerProgram(message.program)) throw new Error(`unknown explorer program "${message.program}"`);
      // Downloads happen outside the session's queue: a cell may run meanwhile.
      await Promise.all(message.values.map((value) => ('asset' in value ? this.#assetValues(value.asset.url) : undefined)));
      const result =
        message.program === 'test-image'
          ? await this.#testImage(message.args as TestImageQuestion, message.values)
          : await this.#drawing(message.args as DrawingQuestion, message.values);
      return { type: 'query-result', runId: message.runId, result };
    } catch (error) {
      return { type: 'query-result', runId: message.runId, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async #testImage(question: TestImageQuestion, values: QueryValue[]): Promise<TestImageAnswer | QueryProblem> {
    await this.#options.testSet.ready();
    return this.#options.session.runExclusive(async () => {
      const model = this.#model(values);
      if ('problem' in model) return model;
      const set = this.#options.testSet.current();
      const evaluation = await this.#evaluate(set, model);
      let index = Math.min(set.numExamples - 1, Math.max(0, Math.trunc(Number(question.index) || 0)));
      if (question.seek) {
        const found = findMistake(evaluation.predictions, evaluation.labels, index, question.seek === 'next-mistake' ? 1 : -1);
        if (found === undefined) return { problem: 'no-mistake' };
        index = found;
      }
      return {
        index,
        label: evaluation.labels[index] ?? 0,
        prediction: evaluation.predictions[index] ?? 0,
        probabilities: Array.from(evaluation.probabilities.subarray(index * CLASSES, (index + 1) * CLASSES)),
        bytes: Array.from(set.imageBytes(index)),
        mistakes: evaluation.mistakes,
        count: set.numExamples,
      };
    });
  }

  async #drawing(question: DrawingQuestion, values: QueryValue[]): Promise<DrawingAnswer | QueryProblem> {
    const strokes: Stroke[] = Array.isArray(question.strokes) ? question.strokes : [];
    // Made MNIST-like first: an empty pad is answered at once, even while a cell runs.
    const pixels = drawingToMnist(strokes);
    if (!pixels) return { empty: true };
    return this.#options.session.runExclusive(async () => {
      const model = this.#model(values);
      if ('problem' in model) return model;
      // One image is 7,850 multiplications: plain arithmetic on W and b read once per model, rather
      // than a round trip to the GPU for every stroke (measured: README, Measurements).
      const probabilities = probabilitiesOf(await this.#numbers(model), pixels);
      return { pixels: Array.from(pixels), probabilities, prediction: predictionOf(probabilities) };
    });
  }

  /** W and b as numbers, read back once per model (a tensor's data changes identity with its values). */
  async #numbers(model: TensorModel): Promise<ModelValues> {
    const [weights, bias] = [dataIdOf(model.W), dataIdOf(model.b)];
    const cached = this.#modelNumbers;
    if (cached && cached.weights === weights && cached.bias === bias) return cached.values;
    const values = { weights: await model.W.data(), bias: await model.b.data() };
    this.#modelNumbers = { weights, bias, values };
    return values;
  }

  /** The model's weights and bias (the question's first two values), read now. */
  #model(values: QueryValue[]): TensorModel | QueryProblem {
    const [weights, bias] = values.map((value) => this.#resolve(value));
    if (!weights || 'problem' in weights) return weights ?? { problem: 'missing', name: 'W' };
    if (!bias || 'problem' in bias) return bias ?? { problem: 'missing', name: 'b' };
    const model = { W: weights, b: bias };
    const problem = tensorModelProblem(model);
    return problem === undefined ? model : { problem: 'shape', detail: problem };
  }

  #resolve(value: QueryValue): tfCore.Tensor | QueryProblem {
    const { tf, session } = this.#options;
    if ('asset' in value) {
      const { url, offset, shape } = value.asset;
      const id = `${url}#${offset}#${shape.join('x')}`;
      let tensor = this.#assetTensors.get(id);
      if (!tensor) {
        const data = this.#loadedAssets.get(url);
        const size = shape.reduce((product, side) => product * side, 1);
        if (!data || offset + size > data.length) return { problem: 'missing', name: value.name };
        // Kept for the page's life: the same tensor each time, so the evaluation cache holds.
        tensor = tf.keep(tf.tensor(data.subarray(offset, offset + size), shape, 'float32'));
        this.#assetTensors.set(id, tensor);
      }
      return tensor;
    }
    const found = session.peek(value.name, value.key);
    return found instanceof tf.Tensor && !found.isDisposed ? found : { problem: 'missing', name: value.name };
  }

  #assetValues(url: string): Promise<Float32Array> {
    let values = this.#assets.get(url);
    if (!values) {
      values = this.#options
        .fetch(url)
        .then(async (response) => {
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          const buffer = await response.arrayBuffer();
          if (buffer.byteLength % 4 !== 0) throw new Error(`${url} is not a file of float32 values`);
          const data = new Float32Array(buffer);
          this.#loadedAssets.set(url, data);
          return data;
        })
        .catch((error: unknown) => {
          this.#assets.delete(url);
          throw error;
        });
      this.#assets.set(url, values);
    }
    return values;
  }

  /** The whole test set through the model, once per model (W, b and images as they are now). */
  async #evaluate(set: DataSet, model: TensorModel): Promise<Evaluation> {
    const images = set.images;
    const [weights, bias] = [dataIdOf(model.W), dataIdOf(model.b)];
    const cached = this.#evaluation;
    if (cached && cached.weights === weights && cached.bias === bias && cached.images === images) return cached;
    const result = await evaluateSet(this.#options.tf, images, model);
    const labels = Uint8Array.from({ length: set.numExamples }, (_, index) => set.label(index));
    this.#evaluation = { ...result, weights, bias, images, labels, mistakes: countMistakes(result.predictions, labels) };
    return this.#evaluation;
  }
}

/** A tensor's data changes identity whenever its values change (a tf.Variable's assign swaps it). */
function dataIdOf(tensor: tfCore.Tensor): object {
  return (tensor as unknown as { dataId: object }).dataId;
}
