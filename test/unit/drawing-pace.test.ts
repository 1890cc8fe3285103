import { describe, expect, it } from 'vitest';
import { drawingPaceFor, GPU_PACE, isSoftwareRenderer, SOFTWARE_PACE } from '../../src/runtime/drawing-pace.ts';

describe('drawing pace', () => {
  it('tells software WebGL renderers from graphics cards by their unmasked names', () => {
    const software = [
      // Chromium on this machine (headless, no GPU)
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.7, 256 bits)',
      'Mesa/X.org, softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ];
    const cards = [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3070 (0x00002484) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
      'Mali-G78',
      'Adreno (TM) 650',
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      // What a browser that masks the name gives: nothing to go on, so the lively pace.
      'WebKit WebGL',
      '',
    ];
    expect(software.filter((name) => !isSoftwareRenderer(name))).toEqual([]);
    expect(cards.filter((name) => isSoftwareRenderer(name))).toEqual([]);
  });

  it('sends a software renderer fewer updates than a graphics card, at most one a second', () => {
    expect(drawingPaceFor(true)).toBe(SOFTWARE_PACE);
    expect(drawingPaceFor(false)).toBe(GPU_PACE);
    expect(SOFTWARE_PACE.outputIntervalMs).toBeGreaterThanOrEqual(1000);
    expect(SOFTWARE_PACE.watchGapMs).toBeGreaterThanOrEqual(1000);
    expect(GPU_PACE.outputIntervalMs).toBeLessThan(SOFTWARE_PACE.outputIntervalMs);
  });
});
