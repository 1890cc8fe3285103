/** Queries over the articles collection: what is published, and where its translations are. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../i18n/locales.ts';
import { splitArticleId } from './article-id.ts';

export type Article = CollectionEntry<'articles'>;

export interface PublishedArticle {
  entry: Article;
  locale: Locale;
  slug: string;
}

export async function getPublishedArticles(): Promise<PublishedArticle[]> {
  const entries = await getCollection('articles', ({ data }) => !data.draft);
  return entries.map((entry) => ({ entry, ...splitArticleId(entry.id) }));
}

export function articleUrl(locale: Locale, slug: string): string {
  return `${import.meta.env.BASE_URL}${locale}/${slug}/`;
}

/** The URL of the same article in every locale that publishes it. */
export function alternatesOf(slug: string, articles: readonly PublishedArticle[]): Partial<Record<Locale, string>> {
  return Object.fromEntries(articles.filter((a) => a.slug === slug).map((a) => [a.locale, articleUrl(a.locale, a.slug)]));
}
