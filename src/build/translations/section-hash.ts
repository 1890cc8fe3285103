/**
 * The fingerprint of a section's source text. A translation records, per section, the hash of the
 * French text it translates; when the French section changes, so does its hash, and the
 * translation's section is reported behind. Whitespace that does not change the page (trailing
 * spaces, runs of blank lines) does not change the hash.
 */
import { createHash } from 'node:crypto';

/** Ten hex digits: enough to tell two versions of one section apart, short enough to read in a diff. */
export const SECTION_HASH_LENGTH = 10;

export function sectionHash(text: string): string {
  return createHash('sha256').update(normaliseSectionText(text)).digest('hex').slice(0, SECTION_HASH_LENGTH);
}

export function normaliseSectionText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
