import { describe, expect, it, vi } from 'vitest';

/** The public API the first release promises (the list), by entry point. */
const REQUIRED_CORE_EXPORTS = [
  'Tensor',
  'Variable',
  'tensor',
  'scalar',
  'zeros',
  'ones',
  'fill',
  'zerosLike',
  'onesLike',
  'range',
  'linspace',
  'eye',
  'oneHot',
  'randomUniform',
  'randomNormal',
  'truncatedNormal',
  // element-wise
  'add',
  'sub',
  'mul',
  'div',
  'pow',
  'neg',
  'abs',
  'exp',
  'log',
  'log1p',
  'expm1',
  'sqrt',
  'rsqrt',
  'square',
  'reciprocal',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'relu',
  'relu6',
  'leakyRelu',
  'elu',
  'selu',
  'gelu',
  'softplus',
  'silu',
  'sign',
  'floor',
  'ceil',
  'round',
  'clipByValue',
  'minimum',
  'maximum',
  'mod',
  'floorDiv',
  'equal',
  'notEqual',
  'less',
  'lessEqual',
  'greater',
  'greaterEqual',
  'logicalAnd',
  'logicalOr',
  'logicalNot',
  'where',
  'isNaN',
  'isFinite',
  'cast',
  // reductions
  'sum',
  'mean',
  'max',
  'min',
  'prod',
  'argMax',
  'argMin',
  'logSumExp',
  'variance',
  'moments',
  'all',
  'any',
  // shapes
  'reshape',
  'flatten',
  'expandDims',
  'squeeze',
  'transpose',
  'concat',
  'stack',
  'unstack',
  'split',
  'slice',
  'pad',
  'tile',
  'broadcastTo',
  'gather',
  'reverse',
  // linear algebra and neural-network ops
  'matmul',
  'dot',
  'outer',
  'softmax',
  'logSoftmax',
  'conv1d',
  'conv2d',
  'conv2dTranspose',
  'depthwiseConv2d',
  'maxPool2d',
  'avgPool2d',
  'batchNorm',
  'layerNorm',
  'adamUpdate',
  'dropout',
  // autograd
  'grad',
  'grads',
  'valueAndGrad',
  'valueAndGrads',
  'variableGrads',
  'variable',
  'noGrad',
  'customGrad',
  // memory
  'tidy',
  'scope',
  'keep',
  'dispose',
  'memory',
  'setDebug',
  'liveTensors',
  // backends and random
  'registerBackend',
  'setBackend',
  'getBackend',
  'listBackends',
  'removeBackend',
  'toBackend',
  'createCpuBackend',
  'setSeed',
  // errors
  'TesseraError',
  'ShapeError',
  'InvalidArgumentError',
  'DTypeError',
  'DisposedTensorError',
  'KernelNotFoundError',
  'BackendError',
  'BackendNotFoundError',
] as const;

const REQUIRED_BACKEND_EXPORTS = [
  'defineBackend',
  'supports',
  'REQUIRED_KERNELS',
  'OPTIONAL_KERNELS',
  'philox4x32',
  'fillRandomBits',
  'TesseraError',
  'ShapeError',
  'InvalidArgumentError',
  'DTypeError',
  'DisposedTensorError',
  'KernelNotFoundError',
  'BackendError',
  'BackendNotFoundError',
] as const;

type Module = Record<string, unknown>;

function missingFrom(module: Module, names: readonly string[]): string[] {
  return names.filter((name) => module[name] === undefined);
}

/** Exercises the engine, ops, autograd and memory through the public entry point only. */
function useTheLibrary(core: Module): number[] {
  const api = core as unknown as {
    tensor: (values: number[]) => { dataSync(): ArrayLike<number> };
    tidy: <T>(body: () => T) => T;
    grad: (f: (x: unknown) => unknown) => (x: unknown) => { dataSync(): ArrayLike<number> };
    sum: (x: unknown) => unknown;
    square: (x: unknown) => unknown;
  };
  return api.tidy(() =>
    Array.from(
      api
        .grad((x) => api.sum(api.square(x)))(api.tensor([1, 2, 3]))
        .dataSync(),
    ),
  );
}

describe('entry points load in any order (no import cycle or TDZ failures)', () => {
  it("'./index' first, in a fresh module graph", async () => {
    vi.resetModules();
    const core = (await import('./index')) as Module;
    expect(useTheLibrary(core)).toEqual([2, 4, 6]);
    const backend = (await import('./backend')) as Module;
    expect(typeof backend.defineBackend).toBe('function');
  });

  it("'./backend' first, in a fresh module graph", async () => {
    vi.resetModules();
    const backend = (await import('./backend')) as Module;
    expect(typeof backend.defineBackend).toBe('function');
    expect(missingFrom(backend, REQUIRED_BACKEND_EXPORTS)).toEqual([]);
    const core = (await import('./index')) as Module;
    expect(useTheLibrary(core)).toEqual([2, 4, 6]);
  });

  it('both entry points share one set of error classes', async () => {
    vi.resetModules();
    const backend = (await import('./backend')) as Module;
    const core = (await import('./index')) as Module;
    expect(backend.ShapeError).toBe(core.ShapeError);
    expect(backend.TesseraError).toBe(core.TesseraError);
  });
});

describe('exports', () => {
  it('@tessera/core exports the whole required API', async () => {
    const core = (await import('./index')) as Module;
    expect(missingFrom(core, REQUIRED_CORE_EXPORTS)).toEqual([]);
    const notFunctions = REQUIRED_CORE_EXPORTS.filter(
      (name) => core[name] !== undefined && typeof core[name] !== 'function',
    );
    expect(notFunctions).toEqual([]);
  });

  it('@tessera/core/backend exports what a backend author needs', async () => {
    const backend = (await import('./backend')) as Module;
    expect(missingFrom(backend, REQUIRED_BACKEND_EXPORTS)).toEqual([]);
    expect(Array.isArray(backend.REQUIRED_KERNELS)).toBe(true);
  });

  it('exports no internals: no engine singleton, no registry', async () => {
    const core = (await import('./index')) as Module;
    expect(core.ENGINE).toBeUndefined();
    expect(core.Engine).toBeUndefined();
    // Optimizers resolve `variableGrads` names through this read-only listing; it exposes no engine state.
    expect(typeof core.registeredVariables).toBe('function');
  });
});
