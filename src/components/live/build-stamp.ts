/**
 * When this build ran, for the badge on outputs computed at build time: evaluated once per build
 * process, so every page of a build shows the same date.
 */
export const BUILD_DATE = new Date();

/** `2026-11-28`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
