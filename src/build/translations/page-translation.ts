/**
 * A translated page's view of its French original, at build time: which of its sections are behind
 * the French text (translation-status.ts), said in the build's output, an error under CI unless the
 * translation marks the lag as known, and shown to readers as a notice in each section behind.
 */
import { render } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { recordFromFrontmatter, type ArticleRecord } from '../article/record.ts';
import { articleUrl, type PublishedArticle } from '../content/articles.ts';
import { reportTranslation, sectionsBehind, translationStatus, type SectionState } from './translation-status.ts';

export interface SectionBehind {
  state: Exclude<SectionState, 'current'>;
  /** The same section in the French article: its URL, with the heading's anchor. */
  frenchHref: string;
}

export interface PageTranslation {
  /** Sections behind, by the id of their `##` heading on this page; '' for the text before the first heading. */
  behind: Record<string, SectionBehind>;
}

/**
 * Undefined for a French page, or a translation whose French is not published. Throws under CI
 * (`CI=true`) when a section is behind and not marked as known.
 */
export async function pageTranslation(
  article: PublishedArticle,
  record: ArticleRecord,
  headings: readonly MarkdownHeading[],
  articles: readonly PublishedArticle[],
): Promise<PageTranslation | undefined> {
  if (article.locale === DEFAULT_LOCALE) return undefined;
  const french = articles.find((other) => other.locale === DEFAULT_LOCALE && other.slug === article.slug);
  if (!french) return undefined;
  const rendered = await render(french.entry);
  const frenchRecord = recordFromFrontmatter(rendered.remarkPluginFrontmatter);
  if (!frenchRecord) return undefined;

  const status = translationStatus(frenchRecord, record, article.entry.data.translation);
  const report = reportTranslation(status, { ci: process.env['CI'] === 'true' });
  for (const warning of report.warnings) console.warn(`[translations] ${warning}`);
  if (report.errors.length > 0) {
    throw new Error(
      `${report.errors.join('\n')}\nUnder CI, a translation behind its French must be updated, or marked as knowingly behind (docs/edition.md).`,
    );
  }

  // Section n (n >= 1) starts at the n-th ## heading, on this page and in the French page alike.
  const ownIds = ['', ...sectionHeadingIds(headings)];
  const frenchIds = ['', ...sectionHeadingIds(rendered.headings)];
  const frenchUrl = articleUrl(DEFAULT_LOCALE, article.slug);
  const behind: Record<string, SectionBehind> = {};
  for (const section of sectionsBehind(status)) {
    const id = ownIds[section.index];
    if (id === undefined || section.state === 'current') continue;
    const frenchId = frenchIds[section.index];
    behind[id] = { state: section.state, frenchHref: frenchId ? `${frenchUrl}#${frenchId}` : frenchUrl };
  }
  return { behind };
}

function sectionHeadingIds(headings: readonly MarkdownHeading[]): string[] {
  return headings.filter((heading) => heading.depth === 2).map((heading) => heading.slug);
}
