/**
 * The WebGL context TensorFlow.js's WebGL backend computes with: the worker watches it for a lost
 * context and reads its renderer's name, to tell a graphics card from a software renderer
 * (drawing-pace.ts).
 */
import type * as tfCore from '@tensorflow/tfjs-core';

type Gl = WebGLRenderingContext | WebGL2RenderingContext;

/** The backend's context, when the backend is WebGL (not a public API: `gpgpu` is its internals). */
export function webglContextOf(tf: typeof tfCore): Gl | undefined {
  return (tf.backend() as unknown as { gpgpu?: { gl?: Gl } }).gpgpu?.gl;
}

/**
 * Browsers mask `RENDERER` ("WebKit WebGL"); the debug extension gives the real name where the
 * browser allows it, and nothing is guessed where it does not.
 */
export function webglRendererName(gl: Gl): string | undefined {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : undefined;
}
