/**
 * @tessera/core: tensors, ops, autograd, memory scopes, seeded random, the backend registry and the embedded
 * CPU backend. Backend authors import `@tessera/core/backend`.
 */

export { type CustomGradientResult, customGrad } from './autograd/custom-grad';
// autograd
export { grad } from './autograd/grad';
export { grads } from './autograd/grads';
export { noGrad } from './autograd/no-grad';
export { valueAndGrad } from './autograd/value-and-grad';
export { valueAndGrads } from './autograd/value-and-grads';
export { variableGrads } from './autograd/variable-grads';
export { getBackend } from './backend-api/get-backend';
export { listBackends } from './backend-api/list-backends';
// backends
export { registerBackend } from './backend-api/register-backend';
export { removeBackend } from './backend-api/remove-backend';
export { setBackend } from './backend-api/set-backend';
export { toBackend } from './backend-api/to-backend';
export { type CpuBackend, type CpuCapabilities, createCpuBackend } from './backends/cpu/create-cpu-backend';
export { setCpuThreads } from './backends/cpu/kernels/gemm-thread-pool';
// compiled steps
export {
  type CompiledSignature,
  type CompiledStep,
  type CompileStepOptions,
  compileStep,
} from './compile/compile-step';
export type { DType, TypedArray } from './dtype';
export type { MemoryInfo } from './engine/engine';
export type { DebugOptions, LeakReport } from './engine/leak-tracker';
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
// ops
export * from './exports/core-ops';
export * from './exports/creation-and-activation-ops';
export * from './exports/nn-ops';
export * from './exports/reduction-and-shape-ops';
export { checkValues } from './memory/check-values';
export { dispose } from './memory/dispose';
export { keep } from './memory/keep';
export { memory } from './memory/memory';
export { scope } from './memory/scope';
export { liveTensors, setDebug } from './memory/set-debug';
// memory
export { tidy } from './memory/tidy';
export type { TensorLike } from './ops/tensor-like';
export { type VariableOptions, variable } from './ops/variable';
// random
export { setSeed } from './random/random-state';
export { Tensor } from './tensor';
export type { NestedArray } from './util/nested-array';
export { registeredVariables, Variable } from './variable';
