/**
 * Launches the system Chromium with a real WebGL2 context through SwiftShader (software), so the
 * browser tests exercise the WebGL backend even on a machine without a GPU.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(extraArgs: readonly string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...options,
  });
}
