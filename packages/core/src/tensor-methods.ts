import { all } from './ops/all';
import { any } from './ops/any';
import { argMax } from './ops/arg-max';
import { argMin } from './ops/arg-min';
import { avgPool2d } from './ops/avg-pool2d';
import { broadcastTo } from './ops/broadcast-to';
import { type Conv2dOptions, conv2d } from './ops/conv2d';
import { dot } from './ops/dot';
import { expandDims } from './ops/expand-dims';
import { flatten } from './ops/flatten';
import { gather } from './ops/gather';
import type { Pool2dOptions } from './ops/internal/resolve-pool';
import { logSoftmax } from './ops/log-softmax';
import { logSumExp } from './ops/log-sum-exp';
import { type MatmulOptions, matmul } from './ops/matmul';
import { max } from './ops/max';
import { maxPool2d } from './ops/max-pool2d';
import { mean } from './ops/mean';
import { min } from './ops/min';
import { pad } from './ops/pad';
import { prod } from './ops/prod';
import { relu6 } from './ops/relu6';
import { reshape } from './ops/reshape';
import { reverse } from './ops/reverse';
import { slice } from './ops/slice';
import { softmax } from './ops/softmax';
import { split } from './ops/split';
import { squeeze } from './ops/squeeze';
import { sum } from './ops/sum';
import type { TensorLike } from './ops/tensor-like';
import { tile } from './ops/tile';
import { transpose } from './ops/transpose';
import { unstack } from './ops/unstack';
import { variance } from './ops/variance';
import type { Tensor } from './tensor';
import { TensorElementwiseMethods } from './tensor-elementwise-methods';

type Operand = Tensor | TensorLike;
type Axis = number | number[] | null;

/** The chainable reductions, shape and nn ops; the element-wise ones come from the base class. */
export abstract class TensorMethods extends TensorElementwiseMethods {
  matmul(this: Tensor, other: Operand, options?: MatmulOptions): Tensor {
    return matmul(this, other, options);
  }
  sum(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return sum(this, axis, keepDims);
  }
  max(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return max(this, axis, keepDims);
  }
  min(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return min(this, axis, keepDims);
  }
  reshape(this: Tensor, shape: readonly number[]): Tensor {
    return reshape(this, shape);
  }
  transpose(this: Tensor, perm?: readonly number[]): Tensor {
    return transpose(this, perm);
  }
  mean(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return mean(this, axis, keepDims);
  }
  variance(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return variance(this, axis, keepDims);
  }
  prod(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return prod(this, axis, keepDims);
  }
  logSumExp(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return logSumExp(this, axis, keepDims);
  }
  all(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return all(this, axis, keepDims);
  }
  any(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor {
    return any(this, axis, keepDims);
  }
  argMax(this: Tensor, axis?: number): Tensor {
    return argMax(this, axis);
  }
  argMin(this: Tensor, axis?: number): Tensor {
    return argMin(this, axis);
  }
  flatten(this: Tensor): Tensor {
    return flatten(this);
  }
  expandDims(this: Tensor, axis?: number): Tensor {
    return expandDims(this, axis);
  }
  squeeze(this: Tensor, axis?: number | number[]): Tensor {
    return squeeze(this, axis);
  }
  tile(this: Tensor, reps: readonly number[]): Tensor {
    return tile(this, reps);
  }
  reverse(this: Tensor, axis?: number | number[]): Tensor {
    return reverse(this, axis);
  }
  split(this: Tensor, numOrSizeSplits: number | readonly number[], axis?: number): Tensor[] {
    return split(this, numOrSizeSplits, axis);
  }
  unstack(this: Tensor, axis?: number): Tensor[] {
    return unstack(this, axis);
  }
  broadcastTo(this: Tensor, shape: readonly number[]): Tensor {
    return broadcastTo(this, shape);
  }
  gather(this: Tensor, indices: Operand, axis?: number): Tensor {
    return gather(this, indices, axis);
  }
  slice(this: Tensor, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
    return slice(this, begin, size);
  }
  pad(this: Tensor, paddings: ReadonlyArray<readonly [number, number]>, constantValue?: number): Tensor {
    return pad(this, paddings, constantValue);
  }
  dot(this: Tensor, other: Operand): Tensor {
    return dot(this, other);
  }
  softmax(this: Tensor, axis?: number): Tensor {
    return softmax(this, axis);
  }
  logSoftmax(this: Tensor, axis?: number): Tensor {
    return logSoftmax(this, axis);
  }
  conv2d(this: Tensor, filter: Operand, options?: Conv2dOptions): Tensor {
    return conv2d(this, filter, options);
  }
  maxPool2d(this: Tensor, options: Pool2dOptions): Tensor {
    return maxPool2d(this, options);
  }
  avgPool2d(this: Tensor, options: Pool2dOptions): Tensor {
    return avgPool2d(this, options);
  }
  relu6(this: Tensor): Tensor {
    return relu6(this);
  }
  clone(this: Tensor): Tensor {
    return reshape(this, this.shape);
  }
}
