// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkLiveCells } from './src/build/article/remark-live-cells.ts';
import { remarkScrollableTables } from './src/build/article/remark-scrollable-tables.ts';
import { mnistAssets } from './src/build/mnist-assets.ts';
import { liveArticles } from './src/build/live-articles.ts';
import { offlineSupport } from './src/build/offline/offline-integration.ts';
import { THEME_BOOT_SCRIPT } from './src/client/theme.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';

export default defineConfig({
  site: process.env['SITE_URL'] ?? 'https://tf-facile.example',
  base: process.env['BASE_PATH'] ?? '/',
  trailingSlash: 'always',
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Formulas ($...$) become MathML at build time: no script, no web font, readable by screen readers.
    processor: unified({
      remarkPlugins: [remarkMath, remarkLiveCells, remarkScrollableTables],
      rehypePlugins: [[rehypeKatex, { output: 'mathml' }]],
    }),
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
  },
  // mnistAssets first: it writes public/data/mnist before the dev server or the build reads public/.
  // A Content-Security-Policy <meta> on every page: only the site's own scripts (Astro adds the
  // hashes of those it inlines), its worker and data. Styles allow 'unsafe-inline' because CodeMirror
  // injects its styles at run time and figures set CSS variables in style attributes. The cells'
  // eval runs in the worker, which this page policy does not cover.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
      // The theme must be set before the first paint, so that one small script is inline.
      scriptDirective: { hashes: [`sha256-${createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')}`] },
    },
  },
  // The styles (about 8 KB compressed) go inside each page rather than in files that block its
  // first paint for one more request: Lighthouse's mobile first paint improves by that round trip.
  build: { inlineStylesheets: 'always' },
  // offlineSupport last: once the pages and assets are written, it lists them for the service worker.
  integrations: [mnistAssets(), liveArticles(), mdx(), offlineSupport()],
  vite: {
    // The session worker loads the WASM backend lazily, which needs an ES module worker.
    worker: { format: 'es' },
    // Found late (in the worker, in the lazily loaded editor and code analysis), these would make
    // the dev server re-optimise dependencies and reload the page mid-session, losing the click.
    // test/e2e/dev-server.test.ts starts `astro dev` with an empty cache and checks it does not.
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
        // Imported by the worker the first time a cell uses the layers API (src/worker/tfjs-layers.ts).
        '@tensorflow/tfjs-layers',
        '@tensorflow/tfjs-data',
        '@codemirror/state',
        '@codemirror/view',
        '@codemirror/commands',
        '@codemirror/language',
        '@codemirror/lang-javascript',
        '@lezer/highlight',
        'acorn',
      ],
    },
    // TensorFlow.js's ES build imports files without extensions, which Node cannot load: bundle it
    // into the server-side environments, where cells run at build time (prerender) and in dev.
    environments: Object.fromEntries(['ssr', 'prerender', 'astro'].map((name) => [name, { resolve: { noExternal: [/^@tensorflow\//] } }])),
  },
});
