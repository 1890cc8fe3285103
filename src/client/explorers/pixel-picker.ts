/**
 * Picking a pixel of one or more pictures of 28 × 28 images (the weights heat maps, a digit): the
 * pointer picks the pixel it is over, the arrow keys move it (Home and End: the row's ends), and
 * the picked pixel is marked on every picture inside `root` (the --row and --column properties
 * that explorers.css places the markers with).
 */
import { movePixel, pixelAt, pixelPosition } from '../../explorables/pixels.ts';

export interface PixelPicker {
  readonly pixel: number;
  set(pixel: number): void;
}

export function attachPixelPicker(root: HTMLElement, label: string, initial: number, onPick: (pixel: number) => void): PixelPicker {
  let current = initial;
  root.tabIndex = 0;
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);
  const set = (pixel: number): void => {
    const { row, column } = pixelPosition(pixel);
    root.style.setProperty('--row', String(row));
    root.style.setProperty('--column', String(column));
    if (pixel === current) return;
    current = pixel;
    onPick(pixel);
  };
  const fromPointer = (event: PointerEvent): void => {
    const picture = (event.target as Element | null)?.closest('.explorer__picture');
    if (!picture || !root.contains(picture)) return;
    const box = picture.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    set(pixelAt((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height));
  };
  root.addEventListener('pointermove', fromPointer);
  root.addEventListener('pointerdown', fromPointer);
  root.addEventListener('keydown', (event) => {
    const next = movePixel(current, event.key);
    if (next === current && !event.key.startsWith('Arrow') && event.key !== 'Home' && event.key !== 'End') return;
    // The arrows move the pixel, not the page.
    event.preventDefault();
    set(next);
  });
  return {
    get pixel() {
      return current;
    },
    set,
  };
}
