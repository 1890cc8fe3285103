/**
 * Prints a tensor the way TensorFlow (through NumPy) prints it, because the article shows Python
 * output and the reader compares the two:
 *
 *   tf.Tensor(
 *   [[0.1 0.2]
 *    [0.3 0.4]], shape=(2, 2), dtype=float32)
 *
 * Large tensors are summarised with `...` like NumPy (more than 1000 values: 3 at each edge).
 */

/** What we need of a tfjs Tensor; duck-typed so this module does not depend on tfjs. */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly dtype: string;
  dataSync(): ArrayLike<number> | ArrayLike<string> | Uint8Array;
  /** tfjs's chained `slice`, when registered: printing a large tensor then reads only its edges. */
  slice?(begin: number[], size: number[]): TensorLike & { dispose(): void };
}

export interface TensorFormatOptions {
  /** Above this many values, print only the edges. NumPy's default is 1000. */
  threshold?: number;
  /** Values kept at each edge when summarising. NumPy's default is 3. */
  edgeItems?: number;
  /** Target line width for wrapping long rows. NumPy's default is 75. */
  lineWidth?: number;
  /** Label before the parenthesis: `tf.Tensor` or `tf.Variable`. */
  label?: string;
}

export function isTensorLike(value: unknown): value is TensorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as TensorLike).shape) &&
    typeof (value as TensorLike).dtype === 'string' &&
    typeof (value as TensorLike).dataSync === 'function'
  );
}

/**
 * Printing reads every value back (from the GPU on WebGL): past this many values (40 MB of
 * float32) a print would stall or exhaust the worker, so only the shape and dtype are shown.
 */
export const MAX_VALUES_TO_PRINT = 10_000_000;
/** Slicing the edges costs one read per corner (2^rank of them): beyond this rank, read it all. */
const MAX_RANK_TO_SLICE = 6;

/** Along one axis: the positions printed (indices into the values read) and where `...` goes. */
type Kept = Array<number | 'ellipsis'>;

export function formatTensor(tensor: TensorLike, options: TensorFormatOptions = {}): string {
  const threshold = options.threshold ?? 1000;
  const edgeItems = options.edgeItems ?? 3;
  const lineWidth = options.lineWidth ?? 75;
  const label = options.label ?? 'tf.Tensor';
  const shape = [...tensor.shape];
  const size = shape.reduce((a, b) => a * b, 1);
  const shapeText = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  if (size > MAX_VALUES_TO_PRINT) {
    return `${label}(<${size} values, too many to print>, shape=${shapeText}, dtype=${tensor.dtype})`;
  }
  const edge = size > threshold ? edgeItems : Infinity;
  // Only the printed values are read: the edges of each axis when summarising.
  const { values, shownShape } = readShownValues(tensor, shape, edge);
  const kept = shownShape.map((length, axis) => keptPositions(shape[axis] ?? 0, length));
  const strides = shownShape.map((_, axis) => shownShape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const formatElement = makeElementFormatter(tensor.dtype, values);
  const body = formatArray(values, kept, strides, formatElement, lineWidth);
  const separator = body.includes('\n') ? '\n' : '';
  return `${label}(${separator}${body}, shape=${shapeText}, dtype=${tensor.dtype})`;
}

/** The ranges printed along an axis of `length`: all of it, or `edge` values at each end. */
function edgeRanges(length: number, edge: number): Array<[start: number, count: number]> {
  return length <= 2 * edge
    ? [[0, length]]
    : [
        [0, edge],
        [length - edge, edge],
      ];
}

/**
 * The values printed, in row-major order over the printed indices, and how many are printed per
 * axis. A large tensor is read corner by corner with `slice`, so a [10000, 784] tensor reads 36
 * values, not 7.8 million.
 */
function readShownValues(
  tensor: TensorLike,
  shape: readonly number[],
  edge: number,
): { values: ReadonlyArray<number | string>; shownShape: number[] } {
  const ranges = shape.map((length) => edgeRanges(length, edge));
  const shownShape = ranges.map((axisRanges) => axisRanges.reduce((total, [, count]) => total + count, 0));
  const summarised = ranges.some((axisRanges) => axisRanges.length > 1);
  const shownSize = shownShape.reduce((a, b) => a * b, 1);
  const out: Array<number | string> = new Array<number | string>(shownSize);
  const shownStrides = shownShape.map((_, axis) => shownShape.slice(axis + 1).reduce((a, b) => a * b, 1));

  if (summarised && typeof tensor.slice === 'function' && shape.length <= MAX_RANK_TO_SLICE) {
    // Each corner: one range per axis; its values land in the printed array at its offsets.
    const corners = ranges.reduce<Array<Array<[number, number, number]>>>(
      (partial, axisRanges) =>
        partial.flatMap((corner) => {
          let shownStart = 0;
          return axisRanges.map(([start, count]) => {
            const next: Array<[number, number, number]> = [...corner, [start, count, shownStart]];
            shownStart += count;
            return next;
          });
        }),
      [[]],
    );
    for (const corner of corners) {
      const part = tensor.slice(
        corner.map(([start]) => start),
        corner.map(([, count]) => count),
      );
      try {
        const data = part.dataSync() as ArrayLike<number | string>;
        const cornerShape = corner.map(([, count]) => count);
        copyBlock(
          data,
          cornerShape,
          (index) =>
            corner.reduce((offset, [, , shownStart], axis) => offset + (shownStart + (index[axis] ?? 0)) * (shownStrides[axis] ?? 1), 0),
          out,
        );
      } finally {
        part.dispose();
      }
    }
    return { values: out, shownShape };
  }

  const all = tensor.dataSync() as ArrayLike<number | string>;
  if (!summarised) return { values: Array.from(all), shownShape };
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const picked = ranges.map((axisRanges) => axisRanges.flatMap(([start, count]) => Array.from({ length: count }, (_, i) => start + i)));
  copyBlock(
    { length: shownSize },
    shownShape,
    (index) => index.reduce((offset, i, axis) => offset + (i ?? 0) * (shownStrides[axis] ?? 1), 0),
    out,
    (index) => all[index.reduce((offset, i, axis) => offset + (picked[axis]?.[i] ?? 0) * (strides[axis] ?? 1), 0)] ?? 0,
  );
  return { values: out, shownShape };
}

/** Walks a block of `blockShape` in row-major order, writing each value at `target(index)`. */
function copyBlock(
  data: ArrayLike<number | string>,
  blockShape: readonly number[],
  target: (index: readonly number[]) => number,
  out: Array<number | string>,
  read: (index: readonly number[], flat: number) => number | string = (_, flat) => data[flat] ?? 0,
): void {
  const index = blockShape.map(() => 0);
  const total = blockShape.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < total; flat++) {
    out[target(index)] = read(index, flat);
    for (let axis = blockShape.length - 1; axis >= 0; axis--) {
      index[axis] = (index[axis] ?? 0) + 1;
      if ((index[axis] ?? 0) < (blockShape[axis] ?? 0)) break;
      index[axis] = 0;
    }
  }
}

/** Positions along an axis of the printed values, with `...` where values were left out. */
function keptPositions(length: number, shown: number): Kept {
  if (shown === length) return Array.from({ length }, (_, i) => i);
  const half = shown / 2;
  return [...Array.from({ length: half }, (_, i) => i), 'ellipsis', ...Array.from({ length: half }, (_, i) => half + i)];
}

function formatArray(
  values: ReadonlyArray<number | string>,
  kept: readonly Kept[],
  strides: readonly number[],
  formatElement: (value: number | string) => string,
  lineWidth: number,
): string {
  if (kept.length === 0) return formatElement(values[0] ?? 0);
  const render = (axis: number, offset: number, indent: string): string => {
    const positions = kept[axis] ?? [];
    if (axis === kept.length - 1) {
      const items = positions.map((index) =>
        index === 'ellipsis' ? '...' : formatElement(values[offset + index * (strides[axis] ?? 1)] ?? 0),
      );
      return `[${wrapItems(items, indent + ' ', lineWidth)}]`;
    }
    const blankLines = '\n'.repeat(Math.max(1, kept.length - axis - 1));
    const parts = positions.map((index) =>
      index === 'ellipsis' ? '...' : render(axis + 1, offset + index * (strides[axis] ?? 1), indent + ' '),
    );
    return `[${parts.join(`${blankLines}${indent} `)}]`;
  };
  return render(0, 0, '');
}

/** Joins row items with spaces, wrapping before `lineWidth` the way NumPy does. */
function wrapItems(items: readonly string[], indent: string, lineWidth: number): string {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const candidate = current === '' ? item : `${current} ${item}`;
    if (current !== '' && indent.length + candidate.length + 1 > lineWidth) {
      lines.push(current);
      current = item;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines.join(`\n${indent}`);
}

function makeElementFormatter(dtype: string, shown: ReadonlyArray<number | string>): (value: number | string) => string {
  if (dtype === 'string') return (value) => `b'${String(value)}'`;
  if (dtype === 'bool') {
    return (value) => (value ? ' True' : 'False');
  }
  if (dtype === 'int32') {
    const width = Math.max(...shown.map((v) => String(v).length), 1);
    return (value) => String(value).padStart(width);
  }
  return makeFloatFormatter(shown.map(Number));
}

/** NumPy's default float style: fixed unless the magnitudes call for scientific notation. */
function makeFloatFormatter(values: readonly number[]): (value: number | string) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const magnitudes = finite.map(Math.abs).filter((v) => v > 0);
  const maxAbs = magnitudes.length ? Math.max(...magnitudes) : 0;
  const minAbs = magnitudes.length ? Math.min(...magnitudes) : 0;
  const scientific = maxAbs >= 1e8 || (minAbs > 0 && minAbs < 1e-4) || (minAbs > 0 && maxAbs / minAbs > 1e3);

  if (scientific) {
    const digits = Math.max(...finite.map((v) => fractionDigitsOf(shortestFloat32(v), true)), 0);
    const texts = values.map((v) => (Number.isFinite(v) ? toScientific(v, digits) : nonFinite(v)));
    const width = Math.max(...texts.map((t) => t.length), 1);
    return (value) => {
      const v = Number(value);
      return (Number.isFinite(v) ? toScientific(v, digits) : nonFinite(v)).padStart(width);
    };
  }

  const fractionWidth = Math.max(...finite.map((v) => fractionDigitsOf(shortestFloat32(v), false)), 0);
  const integerWidth = Math.max(...values.map((v) => (Number.isFinite(v) ? integerPart(v).length : nonFinite(v).length)), 1);
  return (value) => {
    const v = Number(value);
    if (!Number.isFinite(v)) return nonFinite(v).padStart(integerWidth + 1 + fractionWidth);
    const text = shortestFloat32(v);
    const [whole = '', fraction = ''] = text.split('.');
    return `${whole.padStart(integerWidth)}.${fraction.padEnd(fractionWidth)}`;
  };
}

/**
 * The shortest decimal text that reads back as the same float32, at most 8 fraction digits:
 * what NumPy prints for float32 (0.1 and not 0.10000000149011612).
 */
export function shortestFloat32(value: number): string {
  const target = Math.fround(value);
  let text = target.toFixed(8);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(target.toPrecision(precision));
    if (Math.fround(candidate) === target) {
      text = candidate.toFixed(Math.min(8, Math.max(0, fractionDigitsNeeded(candidate))));
      break;
    }
  }
  text = text.includes('.') ? text.replace(/0+$/, '') : `${text}.`;
  return text === '-0.' ? '-0.' : text;
}

function fractionDigitsNeeded(value: number): number {
  const text = String(value);
  if (text.includes('e')) {
    const [mantissa = '', exponent = '0'] = text.split('e');
    const mantissaDigits = (mantissa.split('.')[1] ?? '').length;
    return Math.max(0, mantissaDigits - Number(exponent));
  }
  return (text.split('.')[1] ?? '').length;
}

function fractionDigitsOf(text: string, scientific: boolean): number {
  if (!scientific) return (text.split('.')[1] ?? '').length;
  const v = Number(text);
  const exponential = v.toExponential();
  return Math.min(8, (exponential.split('e')[0]?.split('.')[1] ?? '').length);
}

function toScientific(value: number, digits: number): string {
  const [rawMantissa = '0', exponent = '0'] = value.toExponential(digits).split('e');
  const mantissa = rawMantissa.includes('.') ? rawMantissa : `${rawMantissa}.`;
  const exponentNumber = Number(exponent);
  const sign = exponentNumber < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponentNumber)).padStart(2, '0')}`;
}

function integerPart(value: number): string {
  return shortestFloat32(value).split('.')[0] ?? '';
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  return value > 0 ? 'inf' : '-inf';
}
