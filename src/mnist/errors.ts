/**
 * One error type for everything that can go wrong while loading MNIST, so the
 * worker can show "which file, what happened" without parsing messages.
 */
export class MnistError extends Error {
  /** The data file involved (e.g. "t10k-labels"), or "manifest". */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`MNIST file ${file}: ${message}`, options);
    this.name = 'MnistError';
    this.file = file;
  }
}

/** Thrown by the decoder on inconsistent data; callers add the file name. */
export class CorruptDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptDataError';
  }
}
