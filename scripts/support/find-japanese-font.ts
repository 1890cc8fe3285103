/**
 * Checks that the machine has a font for Japanese before the browser tests draw the Japanese page.
 *
 * Without one, Chromium draws each Japanese character as a box as wide as a Latin letter of the code
 * face instead of a full em: the page is laid out as no reader sees it, and the tests that compare the
 * build's size estimates with the drawn page (`reading` › cells not drawn yet) fail by two lines a cell
 * with no hint why. Where fontconfig answers (Linux), an empty answer stops the tests with the fix;
 * macOS and Windows ship Japanese fonts and have no `fc-list`, so they are not asked.
 */
import { execFileSync } from 'node:child_process';

/** Runs `fc-list :lang=ja family`; undefined when fontconfig is not on this machine. */
export type ListJapaneseFonts = () => string | undefined;

const fontconfig: ListJapaneseFonts = () => {
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
};

export function checkJapaneseFont(list: ListJapaneseFonts = fontconfig): void {
  const families = list();
  if (families === undefined || families.trim() !== '') return;
  throw new Error(
    'No font for Japanese on this machine: the browser tests would draw the Japanese article with boxes in ' +
      "place of its characters, at a width no reader's browser uses. Install one (Debian/Ubuntu: " +
      '`sudo apt-get install fonts-noto-cjk`, the Noto Sans CJK JP the site names for Android and Linux readers).',
  );
}
