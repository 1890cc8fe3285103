/** robots.txt: everything may be indexed; the sitemap lists the pages and their translations. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${import.meta.env.BASE_URL}sitemap.xml`, site).href}\n`, {
    headers: { 'content-type': 'text/plain' },
  });
