/**
 * The full TensorFlow.js API in the cells, loaded when used: `@tensorflow/tfjs-layers` (tf.sequential,
 * tf.layers, tf.model, tf.loadLayersModel, model.save...) and `@tensorflow/tfjs-data` (tf.data), the
 * same 4.22.0 as the core, added to the cells' `tf` the first time a cell reads one of their names
 * from it (api-names.ts). The caller passes the importer: the worker a dynamic `import()` of a chunk
 * of its own, the build and the tests an import of the packages in Node.
 *
 * Once loaded, `model.fit` and `model.fitDataset` show their progress under the cell that trains and
 * stop when the reader presses Stop (fit-callbacks.ts): without callbacks of the reader's, the cell
 * gets `tf.fitCallbacks()`; with some, they run as given, and a callback that only watches for Stop
 * is added.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type * as tfd from '@tensorflow/tfjs-data';
import type { CurrentRun, RunHooks, TfApiExtension } from '../tf-api-extension.ts';
import { LAYERS_API_NAMES, needsLayersApi } from './api-names.ts';
import { defineFitCallback, type FitCallbackClass, type FitCallbackOptions } from './fit-callbacks.ts';

export interface LayersModules {
  layers: typeof tfl;
  data: typeof tfd;
}

export type LayersImporter = () => Promise<LayersModules>;

export function layersExtension(importer: LayersImporter): TfApiExtension {
  return {
    name: 'layers',
    neededBy: (cell) => needsLayersApi(cell.tfMembers),
    load: async (currentRun) => {
      const modules = await importer();
      const { FitCallback, sessions } = installed(modules.layers);
      sessions.add(currentRun);
      const members: Record<string, unknown> = {};
      for (const name of LAYERS_API_NAMES) {
        if (name === 'data') members[name] = modules.data;
        else if (name === 'fitCallbacks') members[name] = (options?: FitCallbackOptions) => new FitCallback(currentRun, options);
        else members[name] = modules.layers[name];
      }
      return members;
    },
  };
}

interface Installation {
  FitCallback: FitCallbackClass;
  /** Each session that loaded this copy of the layers code: which cell of theirs runs now. */
  sessions: Set<CurrentRun>;
}

/** Per copy of the layers code (one in a worker; tests and the build may run several sessions). */
const installations = new WeakMap<object, Installation>();

function installed(layers: typeof tfl): Installation {
  const existing = installations.get(layers.LayersModel);
  if (existing) return existing;
  const sessions = new Set<CurrentRun>();
  const running: CurrentRun = () => {
    for (const currentRun of sessions) {
      const hooks: RunHooks | undefined = currentRun();
      if (hooks) return hooks;
    }
    return undefined;
  };
  const installation = { FitCallback: defineFitCallback(layers.Callback), sessions };
  patchFit(layers, installation.FitCallback, running);
  installations.set(layers.LayersModel, installation);
  return installation;
}

type FitArgs = { callbacks?: unknown; yieldEvery?: tfl.ModelFitArgs['yieldEvery'] } | undefined;

/**
 * LayersModel's fit and fitDataset, with the running cell's callbacks (Sequential's delegate to its
 * inner LayersModel, so they are covered once). A fit outside any run (a timer the cell left) is
 * left as TensorFlow.js does it.
 */
function patchFit(layers: typeof tfl, FitCallback: FitCallbackClass, running: CurrentRun): void {
  const prototype = layers.LayersModel.prototype as unknown as {
    fit: (this: unknown, x: unknown, y: unknown, args?: FitArgs) => Promise<unknown>;
    fitDataset: (this: unknown, dataset: unknown, args?: FitArgs) => Promise<unknown>;
  };
  const fit = prototype.fit;
  const fitDataset = prototype.fitDataset;
  prototype.fit = function (this: unknown, x: unknown, y: unknown, args?: FitArgs) {
    return fit.call(this, x, y, withCellCallbacks(args, layers, FitCallback, running));
  };
  prototype.fitDataset = function (this: unknown, dataset: unknown, args?: FitArgs) {
    return fitDataset.call(this, dataset, withCellCallbacks(args, layers, FitCallback, running));
  };
}

function withCellCallbacks(args: FitArgs, layers: typeof tfl, FitCallback: FitCallbackClass, running: CurrentRun): FitArgs {
  if (!running()) return args;
  const given = args?.callbacks;
  if (given === undefined || given === null) return { ...args, callbacks: [new FitCallback(running)] };
  // The reader's callbacks: objects as they are, `{ onEpochEnd... }` configurations made into the
  // CustomCallback TensorFlow.js would make (it cannot mix the two kinds in one list).
  const callbacks = (Array.isArray(given) ? given : [given]).map((callback: unknown) =>
    isCallbackObject(callback) ? callback : new layers.CustomCallback(callback as tfl.CustomCallbackArgs, args?.yieldEvery),
  );
  if (!callbacks.some((callback) => callback instanceof FitCallback))
    callbacks.push(new FitCallback(running, { progress: false, plot: false }));
  return { ...args, callbacks };
}

function isCallbackObject(value: unknown): boolean {
  const candidate = value as { setParams?: unknown; setModel?: unknown } | null;
  return typeof candidate?.setParams === 'function' && typeof candidate.setModel === 'function';
}
