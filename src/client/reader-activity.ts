/**
 * Resolves on the reader's first sign of activity on the page (scroll, pointer, key, touch).
 * Heavy code such as the editor waits for it, so a page that is only opened costs no more than
 * its own small script; once the reader is active, editors load as cells come near the screen.
 */
const ACTIVITY_EVENTS = ['scroll', 'wheel', 'pointerdown', 'pointermove', 'keydown', 'touchstart', 'focusin'] as const;

let firstActivity: Promise<void> | undefined;

export function readerIsActive(): Promise<void> {
  firstActivity ??= new Promise((resolve) => {
    const done = (): void => {
      for (const type of ACTIVITY_EVENTS) removeEventListener(type, done, true);
      resolve();
    };
    for (const type of ACTIVITY_EVENTS) addEventListener(type, done, { capture: true, passive: true });
  });
  return firstActivity;
}
