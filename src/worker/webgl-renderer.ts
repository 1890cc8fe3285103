/**
 * The name of the WebGL renderer TensorFlow.js's WebGL backend draws with, to tell a graphics card
 * from a software renderer (drawing-pace.ts). Browsers mask `RENDERER` ("WebKit WebGL"); the
 * debug extension gives the real name where the browser allows it, and nothing is guessed where
 * it does not.
 */
import type * as tfCore from '@tensorflow/tfjs-core';

interface WebglBackend {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

export function webglRendererName(tf: typeof tfCore): string | undefined {
  const gl = (tf.backend() as unknown as WebglBackend).gpgpu?.gl;
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : undefined;
}
