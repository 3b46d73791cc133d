/**
 * Typed errors with a stable `code`. `instanceof` goes through a `Symbol.for` marker rather than the class
 * identity, so an error thrown by one installed copy of @tessera/core matches the classes of another copy.
 */
const TESSERA_ERROR = Symbol.for('tessera.error');

export type TesseraErrorCode =
  | 'SHAPE_MISMATCH'
  | 'INVALID_ARGUMENT'
  | 'DTYPE_MISMATCH'
  | 'DISPOSED_TENSOR'
  | 'KERNEL_NOT_FOUND'
  | 'BACKEND_ERROR'
  | 'BACKEND_NOT_FOUND';

export class TesseraError extends Error {
  readonly code: TesseraErrorCode;
  readonly [TESSERA_ERROR] = true;

  constructor(code: TesseraErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }

  static override [Symbol.hasInstance](candidate: unknown): boolean {
    if (typeof candidate !== 'object' || candidate === null) return false;
    if ((candidate as Record<symbol, unknown>)[TESSERA_ERROR] !== true) return false;
    // `this` is the class `instanceof` was asked about (ShapeError, ...): each subclass matches its own code.
    // biome-ignore lint/complexity/noThisInStatic: the subclass's own static field is the point here.
    const expectedCode = (this as unknown as { expectedCode?: TesseraErrorCode }).expectedCode;
    return expectedCode === undefined || (candidate as TesseraError).code === expectedCode;
  }
}

/** Shapes that do not fit together: `matmul: inner dimensions must match, got a=[2,3] b=[4,5]`. */
export class ShapeError extends TesseraError {
  static readonly expectedCode = 'SHAPE_MISMATCH';
  constructor(message: string) {
    super('SHAPE_MISMATCH', message);
  }
}

/** A value that is not allowed: a negative dimension, an axis out of range, a bad option. */
export class InvalidArgumentError extends TesseraError {
  static readonly expectedCode = 'INVALID_ARGUMENT';
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

export class DTypeError extends TesseraError {
  static readonly expectedCode = 'DTYPE_MISMATCH';
  constructor(message: string) {
    super('DTYPE_MISMATCH', message);
  }
}

export class DisposedTensorError extends TesseraError {
  static readonly expectedCode = 'DISPOSED_TENSOR';
  constructor(message: string) {
    super('DISPOSED_TENSOR', message);
  }
}

export class KernelNotFoundError extends TesseraError {
  static readonly expectedCode = 'KERNEL_NOT_FOUND';
  constructor(message: string) {
    super('KERNEL_NOT_FOUND', message);
  }
}

export class BackendError extends TesseraError {
  static readonly expectedCode = 'BACKEND_ERROR';
  constructor(message: string) {
    super('BACKEND_ERROR', message);
  }
}

export class BackendNotFoundError extends TesseraError {
  static readonly expectedCode = 'BACKEND_NOT_FOUND';
  constructor(message: string) {
    super('BACKEND_NOT_FOUND', message);
  }
}
