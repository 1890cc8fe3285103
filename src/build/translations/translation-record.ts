/**
 * What a translation says about the French it translates, in its front matter:
 *
 *   translation:
 *     sections:
 *       "(intro)": "3f2a9c1e0b"                                  # the text before the first ## heading
 *       "1 : Au fond, que fait le deep learning ?": "7b41d0c2aa"  # a French ## heading, as written
 *     knownBehind: ["5 : Quand est-ce qu’il apprend ?"]           # behind on purpose, for now
 *
 * Each key names a section of the French article (its `##` heading's text); each value is the hash
 * of that French section's text (section-hash.ts) when this translation was last brought up to date.
 * `npm run translations -- --mark <locale>/<slug>` writes them; docs/edition.md explains the workflow.
 */
import { z } from 'astro/zod';

/** The key of the section before the first `##` heading, which has no title of its own. */
export const INTRO_SECTION = '(intro)';

export const translationSchema = z.object({
  /** French section (its heading's text, or "(intro)") -> hash of the French text this translation translates. */
  sections: z.record(z.string(), z.string().regex(/^[0-9a-f]+$/, 'a section hash is hexadecimal, written in quotes')),
  /** French sections this translation knowingly lags behind: reported, shown to readers, but accepted under CI. */
  knownBehind: z.array(z.string()).default([]),
});

export type TranslationRecord = z.output<typeof translationSchema>;

/**
 * The key under which a French section is recorded: its heading's text, or "(intro)". French
 * no-break spaces (before ":" or "?") become plain spaces, so that keys can be typed.
 */
export function sectionKey(title: string): string {
  return title === '' ? INTRO_SECTION : title.replace(/[\u00a0\u202f]/g, ' ');
}

/** The `translation` field of a front matter, validated; undefined when there is none. */
export function parseTranslationRecord(value: unknown, where: string): TranslationRecord | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = translationSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: the front matter's "translation" is malformed: ${parsed.error.message}`);
  return parsed.data;
}
