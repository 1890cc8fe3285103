/**
 * Picks the fastest TensorFlow.js backend that works here and computes correct numbers: WebGL
 * (through OffscreenCanvas in this worker), else WASM, else the plain JavaScript CPU backend. A
 * backend that computes only in half floats (many phone GPUs) is passed over, with a reason the
 * page shows: its numbers would be wrong. WASM is imported only when needed.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName } from '../runtime/protocol.ts';
import { computesInFloat32, HALF_FLOAT_REASON, webglUsesHalfFloats } from '../runtime/float-precision.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export { HALF_FLOAT_REASON } from '../runtime/float-precision.ts';

export interface BackendChoice {
  backend: BackendName;
  /**
   * Why the backend is not the one expected (WebGL, or the one the reader asked for): an error
   * message, or HALF_FLOAT_REASON when a backend was refused for computing in half floats.
   */
  fallbackReason?: string;
}

export async function chooseBackend(tf: typeof tfCore, preferred?: BackendName): Promise<BackendChoice> {
  const order = preferred ? [preferred, ...BACKENDS.filter((b) => b !== preferred)] : [...BACKENDS];
  const failures: string[] = [];
  let halfFloats = false;
  for (const backend of order) {
    try {
      if (backend === 'wasm') await registerWasm();
      if (!(await tf.setBackend(backend)) || !smokeTest(tf)) {
        failures.push(`${backend} could not start`);
        continue;
      }
      if ((backend === 'webgl' && webglUsesHalfFloats(tf)) || !computesInFloat32(tf)) {
        halfFloats = true;
        failures.push(`${backend} computes in half floats`);
        continue;
      }
      const expected = preferred ?? 'webgl';
      if (backend === expected) return { backend };
      // A refused backend's numbers would be wrong: say so even when the reader asked for it.
      if (halfFloats) return { backend, fallbackReason: HALF_FLOAT_REASON };
      return preferred && preferred !== 'webgl' ? { backend } : { backend, fallbackReason: failures[0] ?? 'WebGL unavailable' };
    } catch (error) {
      failures.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${failures.join('; ')})`);
}

/** A backend can register and still fail on its first kernel (a blocked GPU, for instance). */
function smokeTest(tf: typeof tfCore): boolean {
  return tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]) === 3;
}

async function registerWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
}
