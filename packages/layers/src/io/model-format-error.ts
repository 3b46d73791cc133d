import { InvalidArgumentError } from '@tessera/core';

const MODEL_FORMAT_ERROR = Symbol.for('tessera.layers.modelFormatError');

/** Why a stored model was rejected; stable so callers can branch on it without parsing messages. */
export type ModelFormatErrorReason =
  | 'NOT_FOUND'
  | 'TOO_LARGE'
  | 'INVALID_JSON'
  | 'INVALID_FIELD'
  | 'UNSUPPORTED_VERSION'
  | 'INVALID_SAFETENSORS'
  | 'TENSOR_MISMATCH'
  | 'STORAGE_FAILED';

/**
 * A saved model that cannot be read or written: a corrupt or hostile `model.json` / `weights.safetensors`, a
 * missing file, a failed HTTP request. It is an `InvalidArgumentError` (code `INVALID_ARGUMENT`) so generic
 * handlers catch it, and carries the offending `file` and a stable `reason`.
 */
export class ModelFormatError extends InvalidArgumentError {
  readonly reason: ModelFormatErrorReason;
  readonly file: string;
  readonly [MODEL_FORMAT_ERROR] = true;

  constructor(reason: ModelFormatErrorReason, file: string, message: string) {
    super(`${file}: ${message}`);
    this.reason = reason;
    this.file = file;
  }

  // The inherited check would accept every InvalidArgumentError; a marker keeps `instanceof` precise across copies.
  static override [Symbol.hasInstance](candidate: unknown): boolean {
    if (typeof candidate !== 'object' || candidate === null) return false;
    return (candidate as Record<symbol, unknown>)[MODEL_FORMAT_ERROR] === true;
  }
}
