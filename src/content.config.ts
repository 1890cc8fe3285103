import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { translationSchema } from './build/translations/translation-record.ts';

/**
 * Articles live in content/articles/<locale>/<slug>.mdx. The same slug in each locale folder is
 * the same article: that is how translations find each other.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/articles' }),
  schema: z.object({
    /** The title, in the article's language. */
    title: z.string(),
    /** One sentence for search engines and link previews. */
    description: z.string(),
    /** The original author, when known. */
    author: z.string().optional(),
    /** When the original article was published: shown, in the page's language, in "About this edition". */
    published: z.coerce.date().optional(),
    /** When this edition (text, notes, translation) was last revised: shown in "About this edition". */
    revised: z.coerce.date().optional(),
    /**
     * Translations only: for each French section, the hash of the French text this translation
     * translates, and the sections knowingly behind. Written by `npm run translations -- --mark`.
     */
    translation: translationSchema.optional(),
    /** Drafts are validated and tested but not published. */
    draft: z.boolean().default(false),
  }),
});

export const collections = { articles };
