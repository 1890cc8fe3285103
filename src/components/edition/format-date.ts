/** A front-matter date as the page's language writes it: "6 mars 2016", "March 6, 2016", "2016年3月6日". */
export function formatDate(date: Date, locale: string): string {
  // Front-matter dates are calendar days at midnight UTC: read them in UTC, whatever the build machine's zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The same day for `<time datetime>`: 2016-03-06. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
