/**
 * The lines a cell printed, bounded: the first lines and a window of the latest ones are kept,
 * the lines between are only counted. A loop that prints a million lines then costs the page the
 * same as one that prints two thousand, and the reader still sees how it started and ended.
 */
export class OutputLog {
  readonly #headLimit: number;
  readonly #tailLimit: number;
  #head: string[] = [];
  #tail: string[] = [];
  #omitted = 0;

  constructor(headLimit = 1_000, tailLimit = 1_000) {
    this.#headLimit = headLimit;
    this.#tailLimit = tailLimit;
  }

  /**
   * Adds lines; returns those that went to the head, to append as they are, and whether the
   * window of latest lines changed (then redraw `tail` and `omitted`).
   */
  add(lines: readonly string[]): { head: readonly string[]; tailChanged: boolean } {
    const room = Math.max(0, this.#headLimit - this.#head.length);
    const toHead = lines.length <= room ? lines : lines.slice(0, room);
    for (const line of toHead) this.#head.push(line);
    if (toHead.length === lines.length) return { head: toHead, tailChanged: false };
    const rest = lines.slice(toHead.length);
    if (rest.length >= this.#tailLimit) {
      this.#omitted += this.#tail.length + rest.length - this.#tailLimit;
      this.#tail = rest.slice(rest.length - this.#tailLimit);
    } else {
      for (const line of rest) this.#tail.push(line);
      const overflow = this.#tail.length - this.#tailLimit;
      if (overflow > 0) {
        this.#tail.splice(0, overflow);
        this.#omitted += overflow;
      }
    }
    return { head: toHead, tailChanged: true };
  }

  get lineCount(): number {
    return this.#head.length + this.#omitted + this.#tail.length;
  }

  get omitted(): number {
    return this.#omitted;
  }

  get tail(): readonly string[] {
    return this.#tail;
  }

  clear(): void {
    this.#head = [];
    this.#tail = [];
    this.#omitted = 0;
  }
}
