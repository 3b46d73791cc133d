import type { KernelMap } from '../../backend/backend-definition';
import type { RequiredKernelName } from '../../backend/kernel-specs';
import type { CpuStorage } from './cpu-storage';
import { createArgReduceKernel } from './kernels/arg-reduce';
import { createBinaryKernel } from './kernels/binary';
import { createCastKernel } from './kernels/cast';
import { createCompareKernel } from './kernels/compare';
import { createConcatKernel } from './kernels/concat';
import { createFillKernel } from './kernels/fill';
import { createGatherKernel } from './kernels/gather';
import { createLogicalKernel } from './kernels/logical';
import { createMatmulKernel } from './kernels/matmul';
import { createPadKernel } from './kernels/pad';
import { createRandomBitsKernel } from './kernels/random-bits';
import { createReduceKernel } from './kernels/reduce';
import { createReshapeKernel } from './kernels/reshape';
import { createScatterAddKernel } from './kernels/scatter-add';
import { createSliceKernel } from './kernels/slice';
import { createTransposeKernel } from './kernels/transpose';
import { createUnaryKernel } from './kernels/unary';
import { createWhereKernel } from './kernels/where';

/** The CPU backend's required kernels, all working directly on the typed arrays that `storage` owns. */
export function createRequiredKernels(storage: CpuStorage): Pick<KernelMap, RequiredKernelName> {
  return {
    unary: createUnaryKernel(storage),
    binary: createBinaryKernel(storage),
    compare: createCompareKernel(storage),
    logical: createLogicalKernel(storage),
    where: createWhereKernel(storage),
    cast: createCastKernel(storage),
    reduce: createReduceKernel(storage),
    argReduce: createArgReduceKernel(storage),
    matmul: createMatmulKernel(storage),
    transpose: createTransposeKernel(storage),
    slice: createSliceKernel(storage),
    pad: createPadKernel(storage),
    concat: createConcatKernel(storage),
    gather: createGatherKernel(storage),
    scatterAdd: createScatterAddKernel(storage),
    fill: createFillKernel(storage),
    randomBits: createRandomBitsKernel(storage),
    reshape: createReshapeKernel(storage),
  };
}
