/**
 * Which sections of a translation are behind the French. Pure: given the French article's sections
 * (with the hash of their text) and what the translation recorded, it says, section by section,
 * whether the translation translates the current French text.
 *
 * Sections are matched by position: the translation's n-th `##` section translates the French n-th.
 * The translation's record names each French section by its heading, so that a renamed or inserted
 * French section shows up as behind rather than silently matching the wrong one.
 */
import type { SectionRecord } from '../article/record.ts';
import { sectionKey, type TranslationRecord } from './translation-record.ts';

/**
 * - `current`: the recorded hash is the French section's hash.
 * - `behind`: the French section changed since (or was never recorded).
 * - `known-behind`: behind, and the translation says so (`knownBehind`).
 */
export type SectionState = 'current' | 'behind' | 'known-behind';

export interface SectionStatus {
  /** Position in the article: 0 for the text before the first `##` heading. */
  index: number;
  /** The French section's key: its heading's text, or "(intro)". */
  key: string;
  frenchLine: number;
  /** The same section in the translation, when it has one at this position. */
  translationTitle?: string;
  translationLine?: number;
  state: SectionState;
  /** The hash the translation recorded, if any, and the French section's hash now. */
  recorded?: string;
  current: string;
}

export interface TranslationStatus {
  article: string;
  file: string;
  sections: SectionStatus[];
  /** False when the translation does not have as many `##` sections as the French. */
  sameSections: boolean;
  /** Keys the translation recorded that name no French section (a French heading renamed or removed). */
  unknownKeys: string[];
}

export function translationStatus(
  french: { sections: readonly SectionRecord[] },
  translation: { article: string; file: string; sections: readonly SectionRecord[] },
  recorded: TranslationRecord | undefined,
): TranslationStatus {
  const hashes = recorded?.sections ?? {};
  const knownBehind = new Set(recorded?.knownBehind ?? []);
  const keys = french.sections.map((section) => sectionKey(section.title));
  const sections = french.sections.map((section, index): SectionStatus => {
    const key = sectionKey(section.title);
    const own = translation.sections[index];
    const recordedHash = hashes[key];
    const upToDate = recordedHash === section.hash;
    return {
      index,
      key,
      frenchLine: section.line,
      ...(own ? { translationTitle: own.title, translationLine: own.line } : {}),
      state: upToDate ? 'current' : knownBehind.has(key) ? 'known-behind' : 'behind',
      ...(recordedHash !== undefined ? { recorded: recordedHash } : {}),
      current: section.hash,
    };
  });
  return {
    article: translation.article,
    file: translation.file,
    sections,
    sameSections: translation.sections.length === french.sections.length,
    unknownKeys: Object.keys(hashes).filter((key) => !keys.includes(key)),
  };
}

export function sectionsBehind(status: TranslationStatus): SectionStatus[] {
  return status.sections.filter((section) => section.state !== 'current');
}

export interface TranslationReport {
  /** Printed by the build: every section behind, known or not. */
  warnings: string[];
  /** Fail the build under CI: sections behind that nobody marked as known, a section structure that differs. */
  errors: string[];
}

/** What the build says about one translation; under CI (`ci: true`), unexpected lag is an error. */
export function reportTranslation(status: TranslationStatus, options: { ci: boolean }): TranslationReport {
  const warnings: string[] = [];
  const errors: string[] = [];
  const where = (section: SectionStatus) => `${status.file}:${section.translationLine ?? '?'}`;
  for (const section of sectionsBehind(status)) {
    const why =
      section.recorded === undefined
        ? 'this translation records no version of it'
        : 'the French changed since this translation was last marked up to date';
    const known = section.state === 'known-behind' ? ' (marked as knowingly behind)' : '';
    const message = `${where(section)}: section "${section.translationTitle || section.key}" is behind French section "${section.key}": ${why}${known}. Bring it up to date, then run \`npm run translations -- --mark ${status.article}\`.`;
    warnings.push(message);
    if (options.ci && section.state === 'behind') errors.push(message);
  }
  if (!status.sameSections) {
    const message = `${status.file}: this translation does not have the same \`##\` sections as the French article (${status.sections.length} in French).`;
    warnings.push(message);
    if (options.ci) errors.push(message);
  }
  return { warnings, errors };
}
