/** @tessera/core/backend: what a backend author needs. */

export type {
  Backend,
  BackendDefinition,
  BackendMemory,
  BackendStorage,
  KernelFunction,
  KernelMap,
} from './backend/backend-definition';
export { defineBackend } from './backend/define-backend';
export type * from './backend/kernel-specs';
export { OPTIONAL_KERNELS, REQUIRED_KERNELS } from './backend/kernel-specs';
export { supports } from './backend/supports';
export type { DType, TypedArray } from './dtype';
export {
  BackendError,
  BackendNotFoundError,
  DisposedTensorError,
  DTypeError,
  InvalidArgumentError,
  KernelNotFoundError,
  ShapeError,
  TesseraError,
} from './errors';
export { fillRandomBits, philox4x32 } from './random/philox';
