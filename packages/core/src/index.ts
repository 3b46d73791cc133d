/**
 * @tessera/core: tensors, ops, autograd, memory scopes, seeded random, the backend registry and the embedded
 * CPU backend. Backend authors import `@tessera/core/backend`.
 */
export { Tensor } from './tensor';
export { Variable } from './variable';
export type { DType, TypedArray } from './dtype';
export type { NestedArray } from './util/nested-array';
export type { TensorLike } from './ops/tensor-like';
export type { MemoryInfo } from './engine/engine';
export type { LeakReport, DebugOptions } from './engine/leak-tracker';
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

// autograd
export { grad } from './autograd/grad';
export { grads } from './autograd/grads';
export { valueAndGrad } from './autograd/value-and-grad';
export { valueAndGrads } from './autograd/value-and-grads';
export { variableGrads } from './autograd/variable-grads';
export { noGrad } from './autograd/no-grad';
export { customGrad, type CustomGradientResult } from './autograd/custom-grad';
export { variable, type VariableOptions } from './ops/variable';

// memory
export { tidy } from './memory/tidy';
export { scope } from './memory/scope';
export { keep } from './memory/keep';
export { dispose } from './memory/dispose';
export { memory } from './memory/memory';
export { setDebug, liveTensors } from './memory/set-debug';

// backends
export { registerBackend } from './backend-api/register-backend';
export { setBackend } from './backend-api/set-backend';
export { getBackend } from './backend-api/get-backend';
export { listBackends } from './backend-api/list-backends';
export { removeBackend } from './backend-api/remove-backend';
export { toBackend } from './backend-api/to-backend';
export { createCpuBackend } from './backends/cpu/create-cpu-backend';

// random
export { setSeed } from './random/random-state';

// ops
export * from './exports/core-ops';
export * from './exports/creation-and-activation-ops';
export * from './exports/nn-ops';
export * from './exports/reduction-and-shape-ops';
