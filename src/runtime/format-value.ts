/**
 * Text for anything a cell prints or returns. Tensors print like TensorFlow; plain values print
 * like a console would, with numbers in their shortest form and strings quoted only as a value.
 */
import { formatTensor, isTensorLike } from './format-tensor.ts';

const MAX_ITEMS = 100;
const MAX_DEPTH = 3;

/** How `print(value)` shows a value: strings as they are. */
export function formatPrinted(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
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
      return JSON.stringify(value);
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
  if (object instanceof Map) {
    return `Map(${object.size}) {${listItems(
      [...object].map(([k, v]) => `${inner(k)} => ${inner(v)}`),
      object.size,
    )}}`;
  }
  if (object instanceof Set) return `Set(${object.size}) {${listItems([...object].map(inner), object.size)}}`;
  if (Array.isArray(object) || ArrayBuffer.isView(object)) {
    const items = Array.from(object as ArrayLike<unknown>);
    const prefix = Array.isArray(object) ? '' : `${object.constructor.name}(${items.length}) `;
    return `${prefix}[${listItems(items.slice(0, MAX_ITEMS).map(inner), items.length)}]`;
  }
  const entries = Object.entries(object);
  const body = entries
    .slice(0, MAX_ITEMS)
    .map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${inner(item)}`);
  const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : '';
  return entries.length === 0 ? `${name}{}` : `${name}{ ${listItems(body, entries.length).trim()} }`;
}

function listItems(items: readonly string[], total: number): string {
  const more = total > items.length ? [`... ${total - items.length} more`] : [];
  return [...items, ...more].join(', ');
}
