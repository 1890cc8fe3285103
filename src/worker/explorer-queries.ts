/**
 * Answers the explorers' questions (src/explorables/queries.ts) in the session worker: resolves the
 * model they show (a session variable, or the build's model from its small file), and runs the
 * TensorFlow.js work between cell runs, never during one. The evaluation of the 10,000 test images
 * is kept (as numbers) for the last model asked about, so that "next mistake" is a lookup; no
 * tensor outlives a question.
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

/**
 * A question waits until no cell has run for this long: more than the page takes to send a Run's
 * next cell after the previous one ends, little enough for an answer to feel immediate.
 */
const QUIET_AFTER_RUNS_MS = 200;
type QueryMessage = Extract<ToWorker, { type: 'query' }>;
type QueryResult = Extract<FromWorker, { type: 'query-result' }>;

export interface ExplorerQueriesOptions {
  tf: Tf;
  session: CellSession;
  testSet: ExplorerTestSet;
  fetch: (url: string) => Promise<Response>;
}

/**
 * A model as a question reads it: its tensors, what identifies their values (a session tensor's
 * data, or a place in a file), and the tensors made for this question only.
 */
interface ResolvedModel {
  model: TensorModel;
  identity: readonly [unknown, unknown];
  temporary: tfCore.Tensor[];
}

interface Evaluation extends SetEvaluation {
  identity: readonly [unknown, unknown];
  set: DataSet;
  labels: Uint8Array;
  mistakes: number;
}

export class ExplorerQueries {
  readonly #options: ExplorerQueriesOptions;
  readonly #assets = new Map<string, Promise<Float32Array>>();
  /** Downloaded files' values (little-endian float32, as every platform that runs WebGL reads them). */
  readonly #loadedAssets = new Map<string, Float32Array>();
  #evaluation: Evaluation | undefined;
  #modelNumbers: { identity: readonly [unknown, unknown]; values: ModelValues } | undefined;

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
    return this.#withModel(values, async (model): Promise<TestImageAnswer | QueryProblem> => {
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
    return this.#withModel(values, async (model) => {
      // One image is 7,850 multiplications: plain arithmetic on W and b read once per model, rather
      // than a round trip to the GPU for every stroke (measured: README, Measurements).
      const probabilities = probabilitiesOf(await this.#numbers(model), pixels);
      return { pixels: Array.from(pixels), probabilities, prediction: predictionOf(probabilities) };
    });
  }

  /**
   * Runs `task` between cell runs on the model the question names (its first two values: weights
   * and bias), as they are then. Tensors made for it are freed after it: the session's memory is
   * what its cells left, explorers or not.
   */
  async #withModel<T>(values: QueryValue[], task: (model: ResolvedModel) => Promise<T>): Promise<T | QueryProblem> {
    return this.#options.session.runWhenQuiet(async () => {
      const temporary: tfCore.Tensor[] = [];
      try {
        const [weights, bias] = values.map((value) => this.#resolve(value, temporary));
        if (!weights || 'problem' in weights) return weights ?? { problem: 'missing', name: 'W' };
        if (!bias || 'problem' in bias) return bias ?? { problem: 'missing', name: 'b' };
        const model = { W: weights.tensor, b: bias.tensor };
        const problem = tensorModelProblem(model);
        if (problem !== undefined) return { problem: 'shape', detail: problem };
        return await task({ model, identity: [weights.identity, bias.identity], temporary });
      } finally {
        this.#options.tf.dispose(temporary);
      }
    }, QUIET_AFTER_RUNS_MS);
  }

  #resolve(value: QueryValue, temporary: tfCore.Tensor[]): { tensor: tfCore.Tensor; identity: unknown } | QueryProblem {
    const { tf, session } = this.#options;
    if ('asset' in value) {
      const { url, offset, shape } = value.asset;
      const data = this.#loadedAssets.get(url);
      const size = shape.reduce((product, side) => product * side, 1);
      if (!data || offset + size > data.length) return { problem: 'missing', name: value.name };
      const tensor = tf.tensor(data.subarray(offset, offset + size), shape, 'float32');
      temporary.push(tensor);
      return { tensor, identity: `${url}#${offset}#${shape.join('x')}` };
    }
    const found = session.peek(value.name, value.key);
    // A tensor's data changes identity whenever its values change (a tf.Variable's assign swaps it).
    return found instanceof tf.Tensor && !found.isDisposed
      ? { tensor: found, identity: dataIdOf(found) }
      : { problem: 'missing', name: value.name };
  }

  /** W and b as numbers, read back once per model. */
  async #numbers({ model, identity }: ResolvedModel): Promise<ModelValues> {
    const cached = this.#modelNumbers;
    if (cached && sameIdentity(cached.identity, identity)) return cached.values;
    const values = { weights: await model.W.data(), bias: await model.b.data() };
    this.#modelNumbers = { identity, values };
    return values;
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

  /** The whole test set through the model, once per model and set. */
  async #evaluate(set: DataSet, { model, identity }: ResolvedModel): Promise<Evaluation> {
    const cached = this.#evaluation;
    if (cached && cached.set === set && sameIdentity(cached.identity, identity)) return cached;
    const result = await evaluateSet(this.#options.tf, set.numExamples, (index) => set.imageBytes(index), model);
    const labels = Uint8Array.from({ length: set.numExamples }, (_, index) => set.label(index));
    this.#evaluation = { ...result, identity, set, labels, mistakes: countMistakes(result.predictions, labels) };
    return this.#evaluation;
  }
}

function sameIdentity(a: readonly [unknown, unknown], b: readonly [unknown, unknown]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function dataIdOf(tensor: tfCore.Tensor): object {
  return (tensor as unknown as { dataId: object }).dataId;
}
