/**
 * The layers and data APIs of TensorFlow.js, for the session worker's dynamic `import()`: a chunk
 * of their own (named after this file), downloaded the first time a cell uses them and never by
 * pages whose cells do not (see runtime/layers/layers-extension.ts). They share the worker's copy
 * of `@tensorflow/tfjs-core`: one engine, one set of kernels.
 */
import * as layers from '@tensorflow/tfjs-layers';
import * as data from '@tensorflow/tfjs-data';

export { layers, data };
