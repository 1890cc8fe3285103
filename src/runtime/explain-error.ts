/**
 * Recognises the errors beginners meet most often in TensorFlow.js, so the page can add one
 * sentence of explanation in its own language under the raw message.
 */
export type ErrorHint =
  'shapeMismatch' | 'notDefined' | 'disposedTensor' | 'dtypeMismatch' | 'notAFunction' | 'loadFailed' | 'codeLoadFailed' | 'syntax';

const patterns: ReadonlyArray<readonly [RegExp, ErrorHint]> = [
  [/inner shapes|shapes? .* must match|Operands could not be broadcast|must have the same shape|incompatible shapes/i, 'shapeMismatch'],
  [/is not defined$/, 'notDefined'],
  [/Tensor is disposed|has been disposed/i, 'disposedTensor'],
  [/dtype .* (must|should) match|must be the same dtype|must be of dtype/i, 'dtypeMismatch'],
  [/is not a function$/, 'notAFunction'],
];

export function explainError(message: string): ErrorHint | undefined {
  return patterns.find(([pattern]) => pattern.test(message))?.[1];
}

/** The hint for a failure: its own, or one read from its name and message. */
export function hintFor(failure: { name: string; message: string; hint?: ErrorHint | undefined }): ErrorHint | undefined {
  if (failure.hint) return failure.hint;
  // Code that does not parse (the compiler's error, positioned in the cell); JSON.parse's are not the code's.
  if (failure.name === 'SyntaxError' && !/JSON/.test(failure.message)) return 'syntax';
  return explainError(failure.message);
}

/**
 * The error's first line: "TypeError: x is not a function", but never "Error: Error in matMul":
 * the name is left out when the message already starts with it.
 */
export function errorHeadline(name: string, message: string): string {
  const startsWithName = name !== '' && (message === name || message.startsWith(`${name} `) || message.startsWith(`${name}:`));
  return startsWithName || name === '' ? message : `${name}: ${message}`;
}
