/**
 * Picks the fastest TensorFlow.js backend that works here: WebGL (through OffscreenCanvas in this
 * worker), else WASM, else the plain JavaScript CPU backend. WASM is imported only when needed.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName } from '../runtime/protocol.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export interface BackendChoice {
  backend: BackendName;
  /** Why WebGL was not used, when it was not. */
  fallbackReason?: string;
}

export async function chooseBackend(tf: typeof tfCore, preferred?: BackendName): Promise<BackendChoice> {
  const order = preferred ? [preferred, ...BACKENDS.filter((b) => b !== preferred)] : [...BACKENDS];
  const failures: string[] = [];
  for (const backend of order) {
    try {
      if (backend === 'wasm') await registerWasm();
      if ((await tf.setBackend(backend)) && smokeTest(tf)) {
        const webglSkipped = backend !== 'webgl' && !(preferred && preferred !== 'webgl');
        return webglSkipped ? { backend, fallbackReason: failures[0] ?? 'WebGL unavailable' } : { backend };
      }
      failures.push(`${backend} could not start`);
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
