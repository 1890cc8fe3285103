/// <reference types="astro/client" />

// For plain `tsc`, which cannot read .astro files (astro check can, and sees their real props):
// a .ts file that imports a component (src/components/figures/figure-kinds.ts) gets a component.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}

declare module 'virtual:tf-facile/bake-context' {
  export const bakeContext: import('./build/bake/bake-context.ts').BakeContext;
}

declare namespace App {
  interface Locals {
    /** Set by an article page for the components of its prose: the article and its build-time outputs. */
    liveArticle?: {
      record: import('./build/article/record.ts').ArticleRecord;
      outputs: import('./build/bake/outputs-store.ts').ArticleOutputs | undefined;
      notebook: import('./build/article/page-notebook.ts').PageNotebook;
    };
    /** Set by an article page for the edition's components: its dates, and its sections behind the French. */
    edition?: {
      published: Date | undefined;
      revised: Date | undefined;
      translation: import('./build/translations/page-translation.ts').PageTranslation | undefined;
    };
  }
}
