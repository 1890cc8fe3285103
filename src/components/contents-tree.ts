/**
 * The table of contents as a tree: each h2 with the h3 under it. Subsections are nested, never
 * numbered in the sections' sequence, so "4: …" stays the fourth item.
 */
export interface ContentsHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface ContentsSection extends ContentsHeading {
  subsections: ContentsHeading[];
}

/** "1: What…", "2. Picking…", "３：…": the heading already says its number. */
const NUMBERED = /^\s*[0-9０-９]+\s*[:.：、]/;

export function contentsTree(headings: readonly ContentsHeading[]): { sections: ContentsSection[]; numberedInText: boolean } {
  const sections: ContentsSection[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) sections.push({ ...heading, subsections: [] });
    else if (heading.depth === 3) sections.at(-1)?.subsections.push(heading);
  }
  // One numbered heading is enough: the others are unnumbered on purpose (an appendix), and a list
  // number before "2: Next" would say it twice.
  const numberedInText = sections.some((section) => NUMBERED.test(section.text));
  return { sections, numberedInText };
}
