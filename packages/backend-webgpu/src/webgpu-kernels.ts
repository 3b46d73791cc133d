import type { KernelMap } from '@tessera/core/backend';
import type { KernelEnvironment } from './kernel-environment';
import { createArgReduceKernel } from './kernels/arg-reduce';
import { createBinaryKernel } from './kernels/binary';
import { createCastKernel } from './kernels/cast';
import { createCompareKernel, createLogicalKernel, createWhereKernel } from './kernels/compare-logical-where';
import {
  createConv2dBackpropFilterKernel,
  createConv2dBackpropInputKernel,
  createConv2dKernel,
} from './kernels/conv2d';
import { createFillKernel } from './kernels/fill';
import { createGatherKernel, createScatterAddKernel } from './kernels/gather-scatter';
import {
  createBroadcastToKernel,
  createConcatKernel,
  createPadKernel,
  createReshapeKernel,
  createSliceKernel,
  createTransposeKernel,
} from './kernels/layout';
import { createFusedMatmulKernel, createMatmulKernel } from './kernels/matmul';
import {
  createAvgPool2dBackwardKernel,
  createAvgPool2dKernel,
  createMaxPool2dBackwardKernel,
  createMaxPool2dKernel,
} from './kernels/pool2d';
import { createRandomBitsKernel } from './kernels/random-bits';
import { createReduceKernel } from './kernels/reduce';
import { createLogSoftmaxKernel, createSoftmaxKernel } from './kernels/softmax';
import { createUnaryKernel } from './kernels/unary';

/** Every required kernel, and the optional ones this backend runs natively (core composes the rest). */
export function createWebGpuKernels(environment: KernelEnvironment): KernelMap {
  return {
    unary: createUnaryKernel(environment),
    binary: createBinaryKernel(environment),
    compare: createCompareKernel(environment),
    logical: createLogicalKernel(environment),
    where: createWhereKernel(environment),
    cast: createCastKernel(environment),
    reduce: createReduceKernel(environment),
    argReduce: createArgReduceKernel(environment),
    matmul: createMatmulKernel(environment),
    transpose: createTransposeKernel(environment),
    slice: createSliceKernel(environment),
    pad: createPadKernel(environment),
    concat: createConcatKernel(environment),
    gather: createGatherKernel(environment),
    scatterAdd: createScatterAddKernel(environment),
    fill: createFillKernel(environment),
    randomBits: createRandomBitsKernel(environment),
    reshape: createReshapeKernel(environment),
    broadcastTo: createBroadcastToKernel(environment),
    softmax: createSoftmaxKernel(environment),
    logSoftmax: createLogSoftmaxKernel(environment),
    fusedMatmul: createFusedMatmulKernel(environment),
    conv2d: createConv2dKernel(environment),
    conv2dBackpropInput: createConv2dBackpropInputKernel(environment),
    conv2dBackpropFilter: createConv2dBackpropFilterKernel(environment),
    maxPool2d: createMaxPool2dKernel(environment),
    maxPool2dBackward: createMaxPool2dBackwardKernel(environment),
    avgPool2d: createAvgPool2dKernel(environment),
    avgPool2dBackward: createAvgPool2dBackwardKernel(environment),
  };
}
