// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/**
 * The rooms of src/, by where their code runs, and the rooms each may import from. Imports point
 * down only: runtime, mnist, i18n and offline (the service worker's code) at the bottom (pure, run
 * anywhere), the browser, the worker and the build above them, the Astro site on top. README's
 * "How it works" draws the same map.
 */
/** @type {Record<string, string[]>} */
const ROOMS = {
  i18n: [],
  mnist: [],
  offline: [],
  runtime: ['mnist'],
  figures: ['runtime', 'mnist'],
  // The explorers' pure parts: drawing preprocessing, mistakes, pixels of W, the model file.
  explorables: [],
  worker: ['runtime', 'figures', 'mnist', 'explorables'],
  client: ['runtime', 'figures', 'i18n', 'offline', 'explorables'],
  build: ['runtime', 'figures', 'mnist', 'i18n', 'offline', 'explorables'],
};
const SITE = ['components', 'layouts', 'pages'];
const ALL = [...Object.keys(ROOMS), ...SITE];
/** Rooms whose code also runs in a browser or worker: no Node built-ins, no Astro virtual modules. */
const PORTABLE = ['i18n', 'mnist', 'offline', 'runtime', 'figures', 'explorables', 'worker', 'client'];

/** One lint block per room: importing a room it may not use is an error that names both. */
const roomRules = Object.entries(ROOMS).map(([room, allowed]) => {
  const forbidden = ALL.filter((other) => other !== room && !allowed.includes(other));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
      message: `src/${room} may import only from ${[room, ...allowed].join(', ')} (see README, "How it works").`,
    },
  ];
  if (PORTABLE.includes(room)) {
    patterns.push({ regex: '^(node:|astro:)', message: `src/${room} runs in the browser too: no Node built-ins or Astro modules.` });
  }
  /** @type {import('eslint').Linter.Config} */
  const config = { files: [`src/${room}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
  return config;
});

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'public/data/', 'bench/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        self: 'readonly',
        location: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: {
      // Indirect eval is how cells run; it is confined to src/runtime/execute-cell.ts.
      'no-eval': 'error',
    },
  },
  ...roomRules,
  {
    // The site uses the browser code only through <script> tags, and never the worker directly.
    files: SITE.map((room) => `src/${room}/**/*.{ts,astro}`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+worker/', message: 'The site starts the worker through src/client only.' }] },
      ],
    },
  },
  {
    files: ['src/runtime/execute-cell.ts'],
    rules: { 'no-eval': 'off' },
  },
);
