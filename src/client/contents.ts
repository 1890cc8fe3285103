/**
 * The table of contents: open where it is a side column (wide screens), folded on phones; and the
 * section being read is marked in it (aria-current), so the reader knows where they are. One
 * position read per heading and animation frame while scrolling: a few dozen, cheap.
 */
const WIDE = '(min-width: 64rem)';

function setUpContents(nav: HTMLElement): void {
  const details = nav.querySelector('details');
  if (!details) return;
  const wide = matchMedia(WIDE);
  const follow = (): void => {
    details.open = wide.matches;
  };
  follow();
  nav.dataset['enhanced'] = '';
  wide.addEventListener('change', follow);
  // On a phone, following a link folds the list again, so the section is not hidden behind it.
  details.addEventListener('click', (event) => {
    if (!wide.matches && event.target instanceof HTMLAnchorElement) details.open = false;
  });
  markCurrentSection(nav);
}

function markCurrentSection(nav: HTMLElement): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(link.hash.slice(1)), link);
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((heading) => heading !== null);
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  let scheduled = false;
  const update = (): void => {
    scheduled = false;
    // The current section: the last heading above the upper third of the screen.
    const line = innerHeight / 3;
    let found = headings[0];
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top > line) break;
      found = heading;
    }
    const link = links.get(found?.id ?? '');
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  addEventListener(
    'scroll',
    () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(update);
    },
    { passive: true },
  );
  // After the first paint: reading positions now would lay out the whole article before it.
  requestAnimationFrame(() => setTimeout(update));
}

const nav = document.querySelector<HTMLElement>('[data-contents]');
if (nav) setUpContents(nav);
