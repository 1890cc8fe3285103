/**
 * Text for anything a cell prints or returns. Tensors print like TensorFlow; plain values print
 * like a console would, with numbers in their shortest form and strings quoted only as a value.
 */
import { formatTensor, isTensorLike } from './format-tensor.ts';

/** Items shown per collection (array, typed array, Map, Set, object): the rest is counted. */
export const MAX_ITEMS = 100;
const MAX_DEPTH = 3;
/** A printed string longer than this is cut: the page would otherwise lay out megabytes of text. */
export const MAX_STRING_LENGTH = 100_000;

/** How `print(value)` shows a value: strings as they are. */
export function formatPrinted(value: unknown): string {
  return typeof value === 'string' ? capString(value) : formatValue(value);
}

function capString(text: string): string {
  return text.length > MAX_STRING_LENGTH
    ? `${text.slice(0, MAX_STRING_LENGTH)}... ${text.length - MAX_STRING_LENGTH} more characters`
    : text;
}

/** How a cell's last expression shows its value: strings quoted, like a REPL. */
export function formatValue(value: unknown, depth = 0, seen = new Set<object>()): string {
  if (isTensorLike(value)) {
    const isVariable = typeof (value as { trainable?: unknown }).trainable === 'boolean';
    if ((value as { isDisposed?: boolean }).isDisposed) return `<disposed ${isVariable ? 'tf.Variable' : 'tf.Tensor'}>`;
    return formatTensor(value, { label: isVariable ? 'tf.Variable' : 'tf.Tensor' });
  }
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING_LENGTH
        ? `${JSON.stringify(value.slice(0, MAX_STRING_LENGTH))}... ${value.length - MAX_STRING_LENGTH} more characters`
        : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function${value.name ? ` ${value.name}` : ''}]`;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.add(object);
  try {
    return formatObject(object, depth, seen);
  } finally {
    seen.delete(object);
  }
}

function formatObject(object: object, depth: number, seen: Set<object>): string {
  const inner = (item: unknown): string => formatValue(item, depth + 1, seen);
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (object instanceof Date) return object.toISOString();
  // Collections are walked only as far as they are shown: a Map of a million entries costs 100.
  if (object instanceof Map) {
    const items = firstItems(object.entries(), ([k, v]) => `${inner(k)} => ${inner(v)}`);
    return `Map(${object.size}) {${listItems(items, object.size)}}`;
  }
  if (object instanceof Set) return `Set(${object.size}) {${listItems(firstItems(object.values(), inner), object.size)}}`;
  if (Array.isArray(object) || (ArrayBuffer.isView(object) && !(object instanceof DataView))) {
    const list = object as ArrayLike<unknown>;
    const shown = Math.min(list.length, MAX_ITEMS);
    const items = Array.from({ length: shown }, (_, i) => inner(list[i]));
    const prefix = Array.isArray(object) ? '' : `${object.constructor.name}(${list.length}) `;
    return `${prefix}[${listItems(items, list.length)}]`;
  }
  const keys = Object.keys(object);
  const body = keys.slice(0, MAX_ITEMS).map((key) => {
    const item = (object as Record<string, unknown>)[key];
    return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${inner(item)}`;
  });
  const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : '';
  return keys.length === 0 ? `${name}{}` : `${name}{ ${listItems(body, keys.length).trim()} }`;
}

/** The first MAX_ITEMS of an iterator, formatted; the iterator is not read further. */
function firstItems<T>(iterator: Iterator<T>, format: (item: T) => string): string[] {
  const items: string[] = [];
  for (let next = iterator.next(); !next.done && items.length < MAX_ITEMS; next = iterator.next()) items.push(format(next.value));
  return items;
}

function listItems(items: readonly string[], total: number): string {
  const more = total > items.length ? [`... ${total - items.length} more`] : [];
  return [...items, ...more].join(', ');
}
