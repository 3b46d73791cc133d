import type { DType } from './dtype';
import { abs } from './ops/abs';
import { add } from './ops/add';
import { all } from './ops/all';
import { any } from './ops/any';
import { argMax } from './ops/arg-max';
import { argMin } from './ops/arg-min';
import { avgPool2d } from './ops/avg-pool2d';
import { broadcastTo } from './ops/broadcast-to';
import { cast } from './ops/cast';
import { ceil } from './ops/ceil';
import { clipByValue } from './ops/clip-by-value';
import { type Conv2dOptions, conv2d } from './ops/conv2d';
import { cos } from './ops/cos';
import { div } from './ops/div';
import { dot } from './ops/dot';
import { elu } from './ops/elu';
import { equal } from './ops/equal';
import { exp } from './ops/exp';
import { expandDims } from './ops/expand-dims';
import { expm1 } from './ops/expm1';
import { flatten } from './ops/flatten';
import { floor } from './ops/floor';
import { gather } from './ops/gather';
import { gelu } from './ops/gelu';
import { greater } from './ops/greater';
import { greaterEqual } from './ops/greater-equal';
import type { Pool2dOptions } from './ops/internal/resolve-pool';
import { isFinite } from './ops/is-finite';
import { isNaN } from './ops/is-nan';
import { leakyRelu } from './ops/leaky-relu';
import { less } from './ops/less';
import { lessEqual } from './ops/less-equal';
import { log } from './ops/log';
import { logSoftmax } from './ops/log-softmax';
import { logSumExp } from './ops/log-sum-exp';
import { log1p } from './ops/log1p';
import { logicalAnd } from './ops/logical-and';
import { logicalNot } from './ops/logical-not';
import { logicalOr } from './ops/logical-or';
import { type MatmulOptions, matmul } from './ops/matmul';
import { max } from './ops/max';
import { maxPool2d } from './ops/max-pool2d';
import { maximum } from './ops/maximum';
import { mean } from './ops/mean';
import { min } from './ops/min';
import { minimum } from './ops/minimum';
import { mod } from './ops/mod';
import { mul } from './ops/mul';
import { neg } from './ops/neg';
import { notEqual } from './ops/not-equal';
import { pad } from './ops/pad';
import { pow } from './ops/pow';
import { prod } from './ops/prod';
import { reciprocal } from './ops/reciprocal';
import { relu } from './ops/relu';
import { relu6 } from './ops/relu6';
import { reshape } from './ops/reshape';
import { reverse } from './ops/reverse';
import { round } from './ops/round';
import { rsqrt } from './ops/rsqrt';
import { selu } from './ops/selu';
import { sigmoid } from './ops/sigmoid';
import { sign } from './ops/sign';
import { silu } from './ops/silu';
import { sin } from './ops/sin';
import { slice } from './ops/slice';
import { softmax } from './ops/softmax';
import { softplus } from './ops/softplus';
import { split } from './ops/split';
import { sqrt } from './ops/sqrt';
import { square } from './ops/square';
import { squeeze } from './ops/squeeze';
import { sub } from './ops/sub';
import { sum } from './ops/sum';
import { tanh } from './ops/tanh';
import type { TensorLike } from './ops/tensor-like';
import { tile } from './ops/tile';
import { transpose } from './ops/transpose';
import { unstack } from './ops/unstack';
import { variance } from './ops/variance';
import type { Tensor } from './tensor';

type Operand = Tensor | TensorLike;
type Axis = number | number[] | null;

/** The chainable forms of the common ops (`x.add(y).relu()`); each forwards to the op function. */
export abstract class TensorMethods {
  add(this: Tensor, other: Operand): Tensor {
    return add(this, other);
  }
  sub(this: Tensor, other: Operand): Tensor {
    return sub(this, other);
  }
  mul(this: Tensor, other: Operand): Tensor {
    return mul(this, other);
  }
  div(this: Tensor, other: Operand): Tensor {
    return div(this, other);
  }
  pow(this: Tensor, exponent: Operand): Tensor {
    return pow(this, exponent);
  }
  maximum(this: Tensor, other: Operand): Tensor {
    return maximum(this, other);
  }
  minimum(this: Tensor, other: Operand): Tensor {
    return minimum(this, other);
  }
  equal(this: Tensor, other: Operand): Tensor {
    return equal(this, other);
  }
  greater(this: Tensor, other: Operand): Tensor {
    return greater(this, other);
  }
  less(this: Tensor, other: Operand): Tensor {
    return less(this, other);
  }
  neg(this: Tensor): Tensor {
    return neg(this);
  }
  abs(this: Tensor): Tensor {
    return abs(this);
  }
  exp(this: Tensor): Tensor {
    return exp(this);
  }
  log(this: Tensor): Tensor {
    return log(this);
  }
  sqrt(this: Tensor): Tensor {
    return sqrt(this);
  }
  square(this: Tensor): Tensor {
    return square(this);
  }
  relu(this: Tensor): Tensor {
    return relu(this);
  }
  sigmoid(this: Tensor): Tensor {
    return sigmoid(this);
  }
  tanh(this: Tensor): Tensor {
    return tanh(this);
  }
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
  cast(this: Tensor, dtype: DType): Tensor {
    return cast(this, dtype);
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
  leakyRelu(this: Tensor, alpha?: number): Tensor {
    return leakyRelu(this, alpha);
  }
  elu(this: Tensor): Tensor {
    return elu(this);
  }
  selu(this: Tensor): Tensor {
    return selu(this);
  }
  gelu(this: Tensor, approximate?: boolean): Tensor {
    return gelu(this, approximate);
  }
  softplus(this: Tensor): Tensor {
    return softplus(this);
  }
  silu(this: Tensor): Tensor {
    return silu(this);
  }
  clipByValue(this: Tensor, min: number, max: number): Tensor {
    return clipByValue(this, min, max);
  }
  floor(this: Tensor): Tensor {
    return floor(this);
  }
  ceil(this: Tensor): Tensor {
    return ceil(this);
  }
  round(this: Tensor): Tensor {
    return round(this);
  }
  sign(this: Tensor): Tensor {
    return sign(this);
  }
  sin(this: Tensor): Tensor {
    return sin(this);
  }
  cos(this: Tensor): Tensor {
    return cos(this);
  }
  rsqrt(this: Tensor): Tensor {
    return rsqrt(this);
  }
  reciprocal(this: Tensor): Tensor {
    return reciprocal(this);
  }
  log1p(this: Tensor): Tensor {
    return log1p(this);
  }
  expm1(this: Tensor): Tensor {
    return expm1(this);
  }
  isNaN(this: Tensor): Tensor {
    return isNaN(this);
  }
  isFinite(this: Tensor): Tensor {
    return isFinite(this);
  }
  mod(this: Tensor, other: Operand): Tensor {
    return mod(this, other);
  }
  notEqual(this: Tensor, other: Operand): Tensor {
    return notEqual(this, other);
  }
  lessEqual(this: Tensor, other: Operand): Tensor {
    return lessEqual(this, other);
  }
  greaterEqual(this: Tensor, other: Operand): Tensor {
    return greaterEqual(this, other);
  }
  logicalAnd(this: Tensor, other: Operand): Tensor {
    return logicalAnd(this, other);
  }
  logicalOr(this: Tensor, other: Operand): Tensor {
    return logicalOr(this, other);
  }
  logicalNot(this: Tensor): Tensor {
    return logicalNot(this);
  }
  clone(this: Tensor): Tensor {
    return reshape(this, this.shape);
  }
}
