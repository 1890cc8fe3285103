/**
 * Build-time syntax highlighting with shiki. One highlighter for the whole build: creating one
 * loads grammars and themes, which is far too slow to do per code block.
 */
import { createHighlighter, type Highlighter } from 'shiki';

// The high-contrast GitHub themes: every token passes WCAG AA contrast (the plain ones do not).
export const SHIKI_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
const LANGS = ['javascript', 'python', 'text'] as const;

let highlighter: Promise<Highlighter> | undefined;

export async function highlightCode(code: string, lang: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(SHIKI_THEMES), langs: LANGS.filter((l) => l !== 'text') });
  const instance = await highlighter;
  const known = (LANGS as readonly string[]).includes(lang) ? lang : 'text';
  // Both themes as CSS variables; base.css picks one with light-dark().
  return instance.codeToHtml(code, { lang: known, themes: SHIKI_THEMES, defaultColor: false });
}
