/**
 * Astro integration: gives pages the bake context (bake-context.ts) through a virtual module, so
 * that the page, not a global, decides how its article's outputs are made. Cells may run during
 * `astro build` only: keyed on Astro's command rather than NODE_ENV, which test runners and shells
 * set to anything.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BAKE_CONTEXT_MODULE, OUTPUTS_CACHE_FOLDER, type BakeContext } from './bake/bake-context.ts';

export function liveArticles(): AstroIntegration {
  return {
    name: 'tf-facile:live-articles',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const context: BakeContext = {
          root: fileURLToPath(config.root),
          cacheDir: fileURLToPath(new URL(OUTPUTS_CACHE_FOLDER, config.cacheDir)),
          mayRun: command === 'build',
        };
        const resolvedId = `\0${BAKE_CONTEXT_MODULE}`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'tf-facile:bake-context',
                resolveId: (id: string) => (id === BAKE_CONTEXT_MODULE ? resolvedId : undefined),
                load: (id: string) => (id === resolvedId ? `export const bakeContext = ${JSON.stringify(context)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
