/** Entry point of the root page: redirect to the reader's language (see pick-language.ts). */
import { preferredLocale } from './pick-language.ts';
import { startOffline } from './offline.ts';

if (!new URLSearchParams(location.search).has('stay')) {
  const locale = preferredLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
  const link = document.querySelector<HTMLAnchorElement>(`a[hreflang="${locale}"]`);
  if (link) location.replace(link.href);
}
startOffline();
