import type { DType } from './dtype';
import { abs } from './ops/abs';
import { add } from './ops/add';
import { cast } from './ops/cast';
import { div } from './ops/div';
import { equal } from './ops/equal';
import { exp } from './ops/exp';
import { greater } from './ops/greater';
import { less } from './ops/less';
import { log } from './ops/log';
import { matmul, type MatmulOptions } from './ops/matmul';
import { max } from './ops/max';
import { maximum } from './ops/maximum';
import { min } from './ops/min';
import { minimum } from './ops/minimum';
import { mul } from './ops/mul';
import { neg } from './ops/neg';
import { pow } from './ops/pow';
import { relu } from './ops/relu';
import { reshape } from './ops/reshape';
import { sigmoid } from './ops/sigmoid';
import { sqrt } from './ops/sqrt';
import { square } from './ops/square';
import { sub } from './ops/sub';
import { sum } from './ops/sum';
import { tanh } from './ops/tanh';
import type { TensorLike } from './ops/tensor-like';
import { transpose } from './ops/transpose';
import type { Tensor } from './tensor';
import { mean } from './ops/mean';
import { variance } from './ops/variance';
import { logSumExp } from './ops/log-sum-exp';
import { argMax } from './ops/arg-max';
import { argMin } from './ops/arg-min';
import { all } from './ops/all';
import { any } from './ops/any';
import { flatten } from './ops/flatten';
import { expandDims } from './ops/expand-dims';
import { squeeze } from './ops/squeeze';
import { tile } from './ops/tile';
import { reverse } from './ops/reverse';
import { split } from './ops/split';
import { unstack } from './ops/unstack';
import { dot } from './ops/dot';
import { softmax } from './ops/softmax';
import { logSoftmax } from './ops/log-softmax';
import { relu6 } from './ops/relu6';
import { leakyRelu } from './ops/leaky-relu';
import { elu } from './ops/elu';
import { selu } from './ops/selu';
import { gelu } from './ops/gelu';
import { softplus } from './ops/softplus';
import { silu } from './ops/silu';
import { clipByValue } from './ops/clip-by-value';
import { gather } from './ops/gather';
import { slice } from './ops/slice';
import { pad } from './ops/pad';
import { floor } from './ops/floor';
import { ceil } from './ops/ceil';
import { round } from './ops/round';
import { sign } from './ops/sign';
import { sin } from './ops/sin';
import { cos } from './ops/cos';
import { rsqrt } from './ops/rsqrt';
import { reciprocal } from './ops/reciprocal';
import { log1p } from './ops/log1p';
import { expm1 } from './ops/expm1';
import { notEqual } from './ops/not-equal';
import { lessEqual } from './ops/less-equal';
import { greaterEqual } from './ops/greater-equal';
import { mod } from './ops/mod';
import { logicalAnd } from './ops/logical-and';
import { logicalOr } from './ops/logical-or';
import { logicalNot } from './ops/logical-not';
import { prod } from './ops/prod';
import { broadcastTo } from './ops/broadcast-to';
import { conv2d, type Conv2dOptions } from './ops/conv2d';
import { maxPool2d } from './ops/max-pool2d';
import type { Pool2dOptions } from './ops/internal/resolve-pool';
import { avgPool2d } from './ops/avg-pool2d';
import { isNaN } from './ops/is-nan';
import { isFinite } from './ops/is-finite';

type Operand = Tensor | TensorLike;
type Axis = number | number[] | null;

/** The chainable forms of the common ops (`x.add(y).relu()`); each forwards to the op function. */
export abstract class TensorMethods {
  add(this: Tensor, other: Operand): Tensor { return add(this, other); }
  sub(this: Tensor, other: Operand): Tensor { return sub(this, other); }
  mul(this: Tensor, other: Operand): Tensor { return mul(this, other); }
  div(this: Tensor, other: Operand): Tensor { return div(this, other); }
  pow(this: Tensor, exponent: Operand): Tensor { return pow(this, exponent); }
  maximum(this: Tensor, other: Operand): Tensor { return maximum(this, other); }
  minimum(this: Tensor, other: Operand): Tensor { return minimum(this, other); }
  equal(this: Tensor, other: Operand): Tensor { return equal(this, other); }
  greater(this: Tensor, other: Operand): Tensor { return greater(this, other); }
  less(this: Tensor, other: Operand): Tensor { return less(this, other); }
  neg(this: Tensor): Tensor { return neg(this); }
  abs(this: Tensor): Tensor { return abs(this); }
  exp(this: Tensor): Tensor { return exp(this); }
  log(this: Tensor): Tensor { return log(this); }
  sqrt(this: Tensor): Tensor { return sqrt(this); }
  square(this: Tensor): Tensor { return square(this); }
  relu(this: Tensor): Tensor { return relu(this); }
  sigmoid(this: Tensor): Tensor { return sigmoid(this); }
  tanh(this: Tensor): Tensor { return tanh(this); }
  matmul(this: Tensor, other: Operand, options?: MatmulOptions): Tensor { return matmul(this, other, options); }
  sum(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return sum(this, axis, keepDims); }
  max(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return max(this, axis, keepDims); }
  min(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return min(this, axis, keepDims); }
  reshape(this: Tensor, shape: readonly number[]): Tensor { return reshape(this, shape); }
  transpose(this: Tensor, perm?: readonly number[]): Tensor { return transpose(this, perm); }
  cast(this: Tensor, dtype: DType): Tensor { return cast(this, dtype); }
  mean(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return mean(this, axis, keepDims); }
  variance(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return variance(this, axis, keepDims); }
  prod(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return prod(this, axis, keepDims); }
  logSumExp(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return logSumExp(this, axis, keepDims); }
  all(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return all(this, axis, keepDims); }
  any(this: Tensor, axis?: Axis, keepDims?: boolean): Tensor { return any(this, axis, keepDims); }
  argMax(this: Tensor, axis?: number): Tensor { return argMax(this, axis); }
  argMin(this: Tensor, axis?: number): Tensor { return argMin(this, axis); }
  flatten(this: Tensor): Tensor { return flatten(this); }
  expandDims(this: Tensor, axis?: number): Tensor { return expandDims(this, axis); }
  squeeze(this: Tensor, axis?: number | number[]): Tensor { return squeeze(this, axis); }
  tile(this: Tensor, reps: readonly number[]): Tensor { return tile(this, reps); }
  reverse(this: Tensor, axis?: number | number[]): Tensor { return reverse(this, axis); }
  split(this: Tensor, numOrSizeSplits: number | readonly number[], axis?: number): Tensor[] { return split(this, numOrSizeSplits, axis); }
  unstack(this: Tensor, axis?: number): Tensor[] { return unstack(this, axis); }
  broadcastTo(this: Tensor, shape: readonly number[]): Tensor { return broadcastTo(this, shape); }
  gather(this: Tensor, indices: Operand, axis?: number): Tensor { return gather(this, indices, axis); }
  slice(this: Tensor, begin: number | readonly number[], size?: number | readonly number[]): Tensor { return slice(this, begin, size); }
  pad(this: Tensor, paddings: ReadonlyArray<readonly [number, number]>, constantValue?: number): Tensor { return pad(this, paddings, constantValue); }
  dot(this: Tensor, other: Operand): Tensor { return dot(this, other); }
  softmax(this: Tensor, axis?: number): Tensor { return softmax(this, axis); }
  logSoftmax(this: Tensor, axis?: number): Tensor { return logSoftmax(this, axis); }
  conv2d(this: Tensor, filter: Operand, options?: Conv2dOptions): Tensor { return conv2d(this, filter, options); }
  maxPool2d(this: Tensor, options: Pool2dOptions): Tensor { return maxPool2d(this, options); }
  avgPool2d(this: Tensor, options: Pool2dOptions): Tensor { return avgPool2d(this, options); }
  relu6(this: Tensor): Tensor { return relu6(this); }
  leakyRelu(this: Tensor, alpha?: number): Tensor { return leakyRelu(this, alpha); }
  elu(this: Tensor): Tensor { return elu(this); }
  selu(this: Tensor): Tensor { return selu(this); }
  gelu(this: Tensor, approximate?: boolean): Tensor { return gelu(this, approximate); }
  softplus(this: Tensor): Tensor { return softplus(this); }
  silu(this: Tensor): Tensor { return silu(this); }
  clipByValue(this: Tensor, min: number, max: number): Tensor { return clipByValue(this, min, max); }
  floor(this: Tensor): Tensor { return floor(this); }
  ceil(this: Tensor): Tensor { return ceil(this); }
  round(this: Tensor): Tensor { return round(this); }
  sign(this: Tensor): Tensor { return sign(this); }
  sin(this: Tensor): Tensor { return sin(this); }
  cos(this: Tensor): Tensor { return cos(this); }
  rsqrt(this: Tensor): Tensor { return rsqrt(this); }
  reciprocal(this: Tensor): Tensor { return reciprocal(this); }
  log1p(this: Tensor): Tensor { return log1p(this); }
  expm1(this: Tensor): Tensor { return expm1(this); }
  isNaN(this: Tensor): Tensor { return isNaN(this); }
  isFinite(this: Tensor): Tensor { return isFinite(this); }
  mod(this: Tensor, other: Operand): Tensor { return mod(this, other); }
  notEqual(this: Tensor, other: Operand): Tensor { return notEqual(this, other); }
  lessEqual(this: Tensor, other: Operand): Tensor { return lessEqual(this, other); }
  greaterEqual(this: Tensor, other: Operand): Tensor { return greaterEqual(this, other); }
  logicalAnd(this: Tensor, other: Operand): Tensor { return logicalAnd(this, other); }
  logicalOr(this: Tensor, other: Operand): Tensor { return logicalOr(this, other); }
  logicalNot(this: Tensor): Tensor { return logicalNot(this); }
  clone(this: Tensor): Tensor { return reshape(this, this.shape); }
}
