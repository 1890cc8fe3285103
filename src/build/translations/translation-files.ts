/**
 * The translations on disk: each French article in content/articles/fr/ and its translations in the
 * other locale folders, their status (translation-status.ts), and the front-matter block where a
 * translation records which French it translates. Used by `npm run translations` and the tests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import { readArticleText } from '../article/read-article.ts';
import type { ArticleRecord } from '../article/record.ts';
import { parseTranslationRecord, sectionKey, type TranslationRecord } from './translation-record.ts';
import { translationStatus, type TranslationStatus } from './translation-status.ts';

export interface ArticleFile {
  locale: Locale;
  slug: string;
  path: string;
  text: string;
  record: ArticleRecord;
  translation: TranslationRecord | undefined;
}

export function readArticleFile(articlesDir: string, locale: Locale, slug: string): ArticleFile {
  const path = join(articlesDir, locale, `${slug}.mdx`);
  return articleFileFromText(readFileSync(path, 'utf8'), path, locale, slug);
}

export function articleFileFromText(text: string, path: string, locale: Locale, slug: string): ArticleFile {
  const { frontmatter } = parseFrontmatter(text);
  return {
    locale,
    slug,
    path,
    text,
    record: readArticleText(text, path),
    translation: parseTranslationRecord(frontmatter['translation'], path),
  };
}

/** Every translation of every French article under `articlesDir`, with its status. */
export function allTranslationStatuses(articlesDir: string): TranslationStatus[] {
  const slugs = readdirSync(join(articlesDir, DEFAULT_LOCALE))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();
  return slugs.flatMap((slug) => {
    const french = readArticleFile(articlesDir, DEFAULT_LOCALE, slug);
    return LOCALES.filter((locale) => locale !== DEFAULT_LOCALE && existsSync(join(articlesDir, locale, `${slug}.mdx`))).map((locale) => {
      const translation = readArticleFile(articlesDir, locale, slug);
      return translationStatus(french.record, translation.record, translation.translation);
    });
  });
}

/**
 * The translation's record after marking sections up to date with the French as it is now: every
 * section, or only `keys`. Marked sections leave `knownBehind`; keys of French sections that no
 * longer exist are dropped.
 */
export function markUpToDate(
  french: ArticleRecord,
  current: TranslationRecord | undefined,
  sections?: readonly string[],
): TranslationRecord {
  const frenchKeys = french.sections.map((section) => sectionKey(section.title));
  const keys = sections?.map(sectionKey);
  for (const key of keys ?? []) {
    if (!frenchKeys.includes(key)) throw new Error(`the French article has no section "${key}" (its sections: ${frenchKeys.join(', ')})`);
  }
  const marked = new Set(keys ?? frenchKeys);
  const recorded: Record<string, string> = {};
  for (const section of french.sections) {
    const key = sectionKey(section.title);
    const hash = marked.has(key) ? section.hash : current?.sections[key];
    if (hash !== undefined) recorded[key] = hash;
  }
  const knownBehind = (current?.knownBehind ?? []).filter((key) => frenchKeys.includes(key) && !marked.has(key));
  return { sections: recorded, knownBehind };
}

/** The translation's record with `keys` marked as knowingly behind the French. */
export function markKnownBehind(
  french: ArticleRecord,
  current: TranslationRecord | undefined,
  sections: readonly string[],
): TranslationRecord {
  const frenchKeys = french.sections.map((section) => sectionKey(section.title));
  const keys = sections.map(sectionKey);
  for (const key of keys) {
    if (!frenchKeys.includes(key)) throw new Error(`the French article has no section "${key}" (its sections: ${frenchKeys.join(', ')})`);
  }
  return { sections: { ...(current?.sections ?? {}) }, knownBehind: [...new Set([...(current?.knownBehind ?? []), ...keys])] };
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/**
 * The MDX text with its front matter's `translation:` block replaced by `record` (added at the end
 * of the front matter when there was none). Keys and hashes are written quoted, as JSON strings, so
 * that YAML never reads a hash such as 1234567890 as a number.
 */
export function withTranslationRecord(text: string, record: TranslationRecord): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error('the article has no front matter (--- ... --- at the top)');
  const lines = (match[1] ?? '').split('\n');
  const kept: string[] = [];
  let inBlock = false;
  for (const line of lines) {
    if (/^translation:/.test(line)) inBlock = true;
    else if (inBlock && /^\S/.test(line) && !line.startsWith('#')) inBlock = false;
    if (!inBlock) kept.push(line);
  }
  const block = [
    'translation:',
    '  sections:',
    ...Object.entries(record.sections).map(([key, hash]) => `    ${JSON.stringify(key)}: ${JSON.stringify(hash)}`),
    `  knownBehind: [${record.knownBehind.map((key) => JSON.stringify(key)).join(', ')}]`,
  ];
  const updated = `---\n${[...kept, ...block].join('\n')}\n---\n${text.slice(match[0].length)}`;
  // Read back what we wrote: the block must say exactly what was asked.
  const reread = parseTranslationRecord(parseFrontmatter(updated).frontmatter['translation'], 'the updated front matter');
  if (JSON.stringify(reread) !== JSON.stringify(record)) throw new Error('the translation block did not read back as written');
  return updated;
}

export function writeTranslationRecord(file: ArticleFile, record: TranslationRecord): void {
  writeFileSync(file.path, withTranslationRecord(file.text, record));
}
