import { type DType, InvalidArgumentError } from '@tessera/core';
import { uniqueLayerName } from '../util/unique-layer-name';
import { SymbolicTensor } from './symbolic-tensor';

export interface InputOptions {
  /** The shape of one example, without the batch axis. */
  shape: readonly number[];
  /** Default float32; int32 for token ids fed to an Embedding. */
  dtype?: DType;
  name?: string;
}

/** A functional model's input: `const x = input({ shape: [784] }); const y = new Dense({ units: 10 }).apply(x);`. */
export function input(options: InputOptions): SymbolicTensor {
  const shape = options?.shape;
  if (!Array.isArray(shape) || !shape.every((size) => Number.isInteger(size) && size > 0)) {
    throw new InvalidArgumentError(`input: shape must be an array of positive integers, got ${JSON.stringify(shape)}`);
  }
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new InvalidArgumentError(`input: dtype must be float32, int32 or bool, got ${String(dtype)}`);
  }
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
    throw new InvalidArgumentError(`input: name must be a non-empty string, got ${String(options.name)}`);
  }
  return new SymbolicTensor([null, ...shape], dtype, undefined, [], options.name ?? uniqueLayerName('input'));
}
