/** @tessera/core/backend: what a backend author needs. */
export { defineBackend } from './backend/define-backend';
export { supports } from './backend/supports';
export type {
  Backend,
  BackendDefinition,
  BackendMemory,
  BackendStorage,
  KernelFunction,
  KernelMap,
} from './backend/backend-definition';
export type * from './backend/kernel-specs';
export { REQUIRED_KERNELS, OPTIONAL_KERNELS } from './backend/kernel-specs';
export {
  TesseraError,
  ShapeError,
  InvalidArgumentError,
  DTypeError,
  DisposedTensorError,
  KernelNotFoundError,
  BackendError,
  BackendNotFoundError,
} from './errors';
export type { DType, TypedArray } from './dtype';
export { philox4x32, fillRandomBits } from './random/philox';
