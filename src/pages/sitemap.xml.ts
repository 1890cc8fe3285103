/** The sitemap, with each page's translations as hreflang alternates. */
import type { APIRoute } from 'astro';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { alternatesOf, articleUrl, getPublishedArticles } from '../build/content/articles.ts';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string): string => escapeXml(new URL(path, site).href);
  const base = import.meta.env.BASE_URL;
  const homes: Partial<Record<Locale, string>> = Object.fromEntries(LOCALES.map((locale) => [locale, `${base}${locale}/`]));
  const articles = await getPublishedArticles();
  const pages: Array<{ url: string; alternates: Partial<Record<Locale, string>> }> = [
    ...LOCALES.map((locale) => ({ url: `${base}${locale}/`, alternates: homes })),
    ...articles.map((article) => ({ url: articleUrl(article.locale, article.slug), alternates: alternatesOf(article.slug, articles) })),
  ];
  const entries = pages.map(({ url, alternates }) => {
    const links = Object.entries(alternates).map(
      ([code, href]) => `    <xhtml:link rel="alternate" hreflang="${code}" href="${absolute(href)}"/>`,
    );
    return `  <url>\n    <loc>${absolute(url)}</loc>\n${links.join('\n')}\n  </url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml' } });
};
