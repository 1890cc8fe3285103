/**
 * Recognises the errors beginners meet most often in TensorFlow.js, so the page can add one
 * sentence of explanation in its own language under the raw message.
 */
export type ErrorHint = 'shapeMismatch' | 'notDefined' | 'disposedTensor' | 'dtypeMismatch' | 'notAFunction' | 'loadFailed';

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
