/**
 * Which build a page belongs to. The worker stores a page only next to the scripts it was built
 * with, so it reads the build id that the page carries, in a tag the build step writes itself.
 */
import { BUILD_META_NAME } from './build-info.ts';

/** The tag the build step inserts into every page's <head>. */
export function buildMetaTag(buildId: string): string {
  return `<meta name="${BUILD_META_NAME}" content="${buildId}">`;
}

/** Inserts the build tag before the first </head>; a page without a head is returned unchanged. */
export function withBuildMeta(html: string, buildId: string): string {
  const end = html.indexOf('</head>');
  return end < 0 ? html : `${html.slice(0, end)}${buildMetaTag(buildId)}${html.slice(end)}`;
}

const BUILD_META = new RegExp(`<meta name="${BUILD_META_NAME}" content="([0-9a-z]+)">`);

/** The id of the build that made this page, or undefined for a page without the tag (not ours, or `astro dev`). */
export function pageBuildId(html: string): string | undefined {
  return BUILD_META.exec(html)?.[1];
}
