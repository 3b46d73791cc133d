import type { DType } from './dtype';
import { abs } from './ops/abs';
import { add } from './ops/add';
import { cast } from './ops/cast';
import { ceil } from './ops/ceil';
import { clipByValue } from './ops/clip-by-value';
import { cos } from './ops/cos';
import { div } from './ops/div';
import { elu } from './ops/elu';
import { equal } from './ops/equal';
import { exp } from './ops/exp';
import { expm1 } from './ops/expm1';
import { floor } from './ops/floor';
import { gelu } from './ops/gelu';
import { greater } from './ops/greater';
import { greaterEqual } from './ops/greater-equal';
import { isFinite } from './ops/is-finite';
import { isNaN } from './ops/is-nan';
import { leakyRelu } from './ops/leaky-relu';
import { less } from './ops/less';
import { lessEqual } from './ops/less-equal';
import { log } from './ops/log';
import { log1p } from './ops/log1p';
import { logicalAnd } from './ops/logical-and';
import { logicalNot } from './ops/logical-not';
import { logicalOr } from './ops/logical-or';
import { maximum } from './ops/maximum';
import { minimum } from './ops/minimum';
import { mod } from './ops/mod';
import { mul } from './ops/mul';
import { neg } from './ops/neg';
import { notEqual } from './ops/not-equal';
import { pow } from './ops/pow';
import { reciprocal } from './ops/reciprocal';
import { relu } from './ops/relu';
import { round } from './ops/round';
import { rsqrt } from './ops/rsqrt';
import { selu } from './ops/selu';
import { sigmoid } from './ops/sigmoid';
import { sign } from './ops/sign';
import { silu } from './ops/silu';
import { sin } from './ops/sin';
import { softplus } from './ops/softplus';
import { sqrt } from './ops/sqrt';
import { square } from './ops/square';
import { sub } from './ops/sub';
import { tanh } from './ops/tanh';
import type { TensorLike } from './ops/tensor-like';
import type { Tensor } from './tensor';

type Operand = Tensor | TensorLike;

/** The chainable element-wise ops (`x.add(y).relu()`); each forwards to the op function. */
export abstract class TensorElementwiseMethods {
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
  cast(this: Tensor, dtype: DType): Tensor {
    return cast(this, dtype);
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
}
