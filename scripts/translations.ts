/**
 * npm run translations: the state of every translation, section by section, against the French.
 *
 *   npm run translations                                      list every translation's sections
 *   npm run translations -- --check                           the same, exit 1 if a section is behind (known ones aside)
 *   npm run translations -- --mark en/mnist-softmax           record that en/mnist-softmax translates today's French
 *   npm run translations -- --mark en/mnist-softmax --section "5 : Quand est-ce qu’il apprend ?"
 *                                                             ... for one section only (repeat --section for more)
 *   npm run translations -- --known-behind en/mnist-softmax --section "..."
 *                                                             accept that a section lags behind for now (CI passes, readers are told)
 *
 * Sections are named by their French `##` heading, "(intro)" for the text before the first one.
 * See docs/edition.md.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../src/i18n/locales.ts';
import {
  allTranslationStatuses,
  markKnownBehind,
  markUpToDate,
  readArticleFile,
  writeTranslationRecord,
} from '../src/build/translations/translation-files.ts';
import type { SectionState } from '../src/build/translations/translation-status.ts';

const ARTICLES_DIR = resolve(import.meta.dirname, '../content/articles');
const SYMBOL: Record<SectionState, string> = { current: '✓ up to date', behind: '✗ behind', 'known-behind': '~ knowingly behind' };

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    mark: { type: 'string' },
    'known-behind': { type: 'string' },
    section: { type: 'string', multiple: true },
  },
});

function articleOf(argument: string): { locale: Locale; slug: string } {
  const [locale, slug] = argument.split('/');
  if (!isLocale(locale) || locale === DEFAULT_LOCALE || !slug) {
    throw new Error(`"${argument}" is not a translation: write <locale>/<slug>, e.g. en/mnist-softmax`);
  }
  return { locale, slug };
}

const target = values.mark ?? values['known-behind'];
if (target !== undefined) {
  const { locale, slug } = articleOf(target);
  const french = readArticleFile(ARTICLES_DIR, DEFAULT_LOCALE, slug);
  const translation = readArticleFile(ARTICLES_DIR, locale, slug);
  const record =
    values.mark !== undefined
      ? markUpToDate(french.record, translation.translation, values.section)
      : markKnownBehind(french.record, translation.translation, values.section ?? []);
  if (values['known-behind'] !== undefined && (values.section ?? []).length === 0) {
    throw new Error('--known-behind needs the sections it accepts: --section "<French heading>"');
  }
  writeTranslationRecord(translation, record);
  console.log(`${translation.path}: translation record updated.`);
}

let behind = 0;
for (const status of allTranslationStatuses(ARTICLES_DIR)) {
  console.log(`\n${status.article}  (${status.file})`);
  if (!status.sameSections) console.log(`  ! not the same ## sections as the French (${status.sections.length} there)`);
  for (const section of status.sections) {
    console.log(
      `  ${SYMBOL[section.state].padEnd(20)} ${section.key}${section.translationTitle ? `  ->  ${section.translationTitle}` : ''}`,
    );
    if (section.state === 'behind') behind++;
  }
  for (const key of status.unknownKeys) console.log(`  ? recorded, but no French section has this heading any more: ${key}`);
}
console.log(
  behind === 0 ? '\nEvery translation is up to date with the French (or knowingly behind).' : `\n${behind} section(s) behind the French.`,
);
if (values.check && behind > 0) process.exitCode = 1;
