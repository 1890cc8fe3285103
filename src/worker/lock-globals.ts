/**
 * Cell code runs in the worker's global scope. Once the page's private port is in hand, the
 * worker's own global channel is closed: `postMessage`, `close` and `onmessage` become clear
 * errors, on the global and up its prototype chain, so that no cell can fake a message from the
 * session or end it behind the page's back.
 */
const REFUSED = ['postMessage', 'close'] as const;

export function lockWorkerGlobals(global: object): void {
  for (const name of REFUSED) {
    const refuse = (): never => {
      throw new Error(
        `${name}() is not available in a cell: the page talks to this session on a channel of its own. Use print() to show values.`,
      );
    };
    for (let target: object | null = global; target !== null && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
      if (Object.prototype.hasOwnProperty.call(target, name) || target === global) {
        Object.defineProperty(target, name, { value: refuse, writable: false, configurable: false });
      }
    }
  }
  for (let target: object | null = global; target !== null && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
    if (!Object.prototype.hasOwnProperty.call(target, 'onmessage') && target !== global) continue;
    Object.defineProperty(target, 'onmessage', {
      get: () => null,
      set: () => {
        throw new Error('onmessage cannot be set in a cell: the page talks to this session on a channel of its own.');
      },
      configurable: false,
    });
  }
}
