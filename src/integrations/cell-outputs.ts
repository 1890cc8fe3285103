/**
 * Tells the build-time outputs store (src/lib/bake/baked-outputs.ts) whether it may run cells:
 * yes for `astro build`, never for `astro dev`, so the dev server starts at once. Keyed on Astro's
 * command rather than NODE_ENV, which test runners and shells set to anything.
 */
import type { AstroIntegration } from 'astro';

export const RUN_CELLS_ENV = 'TF_FACILE_RUN_CELLS';

export function cellOutputs(): AstroIntegration {
  return {
    name: 'tf-facile:cell-outputs',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env[RUN_CELLS_ENV] = command === 'build' ? '1' : '0';
      },
    },
  };
}
