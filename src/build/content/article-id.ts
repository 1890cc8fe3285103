import { isLocale, LOCALES, type Locale } from '../../i18n/locales.ts';

/** `fr/mnist-softmax` -> locale `fr`, slug `mnist-softmax`. */
export function splitArticleId(id: string): { locale: Locale; slug: string } {
  const [locale, ...rest] = id.split('/');
  const slug = rest.join('/');
  if (!isLocale(locale) || slug === '') {
    throw new Error(`Article "${id}" must live in content/articles/<${LOCALES.join('|')}>/<slug>.mdx`);
  }
  return { locale, slug };
}
