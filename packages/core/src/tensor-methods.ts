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
}
