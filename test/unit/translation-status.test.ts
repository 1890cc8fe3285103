/**
 * Translations that know when they are out of date: each records, per section, the hash of the
 * French text it translates; a change to a French section marks exactly that section of each
 * translation as behind, and the build reports it (an error under CI unless marked as known).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../src/build/article/read-article.ts';
import {
  allTranslationStatuses,
  articleFileFromText,
  markKnownBehind,
  markUpToDate,
  withTranslationRecord,
} from '../../src/build/translations/translation-files.ts';
import { INTRO_SECTION } from '../../src/build/translations/translation-record.ts';
import { reportTranslation, translationStatus, type SectionState } from '../../src/build/translations/translation-status.ts';

const articlesDir = join(import.meta.dirname, '../../content/articles');
const read = (locale: string) => readFileSync(join(articlesDir, locale, 'mnist-softmax.mdx'), 'utf8');
const french = (text = read('fr')) => articleFileFromText(text, 'content/articles/fr/mnist-softmax.mdx', 'fr', 'mnist-softmax');
const translation = (locale: 'en' | 'ja', text = read(locale)) =>
  articleFileFromText(text, `content/articles/${locale}/mnist-softmax.mdx`, locale, 'mnist-softmax');
const states = (status: { sections: Array<{ state: SectionState }> }) => status.sections.map((section) => section.state);

/** The French text with `extra` added at the end of the section whose heading starts with `heading`. */
function withFrenchChange(heading: string, extra: string): string {
  const text = read('fr');
  const start = text.indexOf(`\n## ${heading}`);
  const next = text.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = next < 0 ? text.length : next;
  return `${text.slice(0, end)}\n\n${extra}\n${text.slice(end)}`;
}

describe('the sections of an article', () => {
  it('are the text before the first ## heading, then each ## heading with its ### subsections', () => {
    const record = readArticleText('---\ntitle: t\n---\n\nIntro.\n\n## One\n\nText.\n\n### Sub\n\nMore.\n\n## Two\n\nEnd.\n', 'x/fr/a.mdx');
    expect(record.sections.map((section) => [section.title, section.line])).toEqual([
      ['', 5],
      ['One', 7],
      ['Two', 15],
    ]);
  });

  it('hash their text: a word changes the hash, trailing spaces and extra blank lines do not', () => {
    const base = readArticleText('Intro.\n\n## One\n\nText.\n', 'x/fr/a.mdx').sections;
    const word = readArticleText('Intro.\n\n## One\n\nText, changed.\n', 'x/fr/a.mdx').sections;
    const spaces = readArticleText('Intro.   \n\n\n\n## One\n\nText.  \n\n', 'x/fr/a.mdx').sections;
    expect(word.map((section) => section.hash)).not.toEqual(base.map((section) => section.hash));
    expect(word[0]?.hash).toBe(base[0]?.hash);
    expect(spaces.map((section) => section.hash)).toEqual(base.map((section) => section.hash));
  });
});

describe('the translation status', () => {
  it('is up to date for every published translation (what the build checks under CI)', () => {
    for (const status of allTranslationStatuses(articlesDir)) {
      expect(status.sameSections, status.article).toBe(true);
      expect(
        status.sections.filter((section) => section.state === 'behind').map((section) => section.key),
        status.article,
      ).toEqual([]);
    }
  });

  it('marks exactly the changed French section behind, in English and in Japanese', () => {
    const changed = french(withFrenchChange('5', 'Une phrase ajoutée à la section 5.'));
    for (const locale of ['en', 'ja'] as const) {
      const own = translation(locale);
      const status = translationStatus(changed.record, own.record, own.translation);
      const behind = status.sections.filter((section) => section.state !== 'current');
      expect(behind.map((section) => section.key)).toEqual(['5 : Quand est-ce qu’il apprend ?']);
      expect(behind[0]?.translationTitle).toMatch(locale === 'en' ? /^5: So when does it learn\?$/ : /^5：/);
      expect(states(status).filter((state) => state === 'current')).toHaveLength(status.sections.length - 1);
    }
  });

  it('marks the intro behind when the text before the first heading changes', () => {
    const changed = french(read('fr').replace('Rien que pour écrire cet article', 'Rien que pour écrire ce billet'));
    const own = translation('en');
    const status = translationStatus(changed.record, own.record, own.translation);
    expect(status.sections.filter((section) => section.state === 'behind').map((section) => section.key)).toEqual([INTRO_SECTION]);
  });

  it('marks a renamed French section behind and names the key that no longer matches', () => {
    // French headings put a no-break space before the colon.
    const changed = french(read('fr').replace(/## 6[ \u00a0]: La prochaine fois/, '## 6 : Au prochain épisode'));
    const own = translation('ja');
    const status = translationStatus(changed.record, own.record, own.translation);
    expect(status.sections.filter((section) => section.state === 'behind').map((section) => section.index)).toEqual([6]);
    expect(status.unknownKeys).toEqual(['6 : La prochaine fois, j’explique l’édition experte en détail !']);
  });

  it('is reported with the file, line and section; under CI, an error unless marked as knowingly behind', () => {
    const changed = french(withFrenchChange('2', 'Une phrase de plus.'));
    const own = translation('en');
    const status = translationStatus(changed.record, own.record, own.translation);

    const local = reportTranslation(status, { ci: false });
    expect(local.errors).toEqual([]);
    expect(local.warnings).toHaveLength(1);
    expect(local.warnings[0]).toMatch(/content\/articles\/en\/mnist-softmax\.mdx:\d+: section "2: Picking a framework/);
    expect(local.warnings[0]).toContain('npm run translations -- --mark en/mnist-softmax');
    expect(reportTranslation(status, { ci: true }).errors).toHaveLength(1);

    const accepted = markKnownBehind(changed.record, own.translation, ['2 : Choisir un framework : ce qui est bien avec TensorFlow']);
    const known = translationStatus(changed.record, own.record, accepted);
    expect(states(known)).toContain('known-behind');
    expect(reportTranslation(known, { ci: true })).toMatchObject({ errors: [], warnings: [expect.stringContaining('knowingly behind')] });
  });

  it('is up to date again once the translation is marked, one section or all of them', () => {
    const changed = french(withFrenchChange('3', 'Encore une phrase.'));
    const own = translation('ja');
    const oneSection = markUpToDate(changed.record, own.translation, ['3 : Hello, World! MNIST, édition débutants']);
    expect(states(translationStatus(changed.record, own.record, oneSection)).every((state) => state === 'current')).toBe(true);
    expect(() => markUpToDate(changed.record, own.translation, ['No such section'])).toThrow(/no section "No such section"/);
  });
});

describe('the translation block of the front matter', () => {
  it('is written with quoted keys and hashes, reads back the same, and leaves the rest alone', () => {
    const changed = french(withFrenchChange('4', 'Une phrase.'));
    const own = translation('en');
    const record = markUpToDate(changed.record, own.translation);
    const updated = withTranslationRecord(own.text, record);
    const reread = translation('en', updated);
    expect(reread.translation).toEqual(record);
    expect(updated).toContain('\ntitle: "I’m neither a programmer');
    expect(updated).toMatch(/\n {4}"\(intro\)": "[0-9a-f]{10}"\n/);
    expect(updated.slice(updated.indexOf('\n---\n', 4))).toBe(own.text.slice(own.text.indexOf('\n---\n', 4)));
    expect(states(translationStatus(changed.record, reread.record, reread.translation)).every((state) => state === 'current')).toBe(true);
  });

  it('is added when a translation has none yet', () => {
    const text = '---\ntitle: t\ndescription: d\n---\n\nHello.\n';
    const updated = withTranslationRecord(text, { sections: { [INTRO_SECTION]: '0123456789' }, knownBehind: [] });
    expect(updated).toBe(
      '---\ntitle: t\ndescription: d\ntranslation:\n  sections:\n    "(intro)": "0123456789"\n  knownBehind: []\n---\n\nHello.\n',
    );
  });
});
