import { ENGINE } from '../engine/engine';
import { DTypeError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { broadcastShapes, formatShape } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

export interface MatmulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * Matrix product over the last two axes; leading (batch) axes broadcast. A rank-1 operand is treated as a row
 * (for `a`) or a column (for `b`) and that axis is dropped from the result, as in NumPy.
 */
export function matmul(aValue: Tensor | TensorLike, bValue: Tensor | TensorLike, options: MatmulOptions = {}): Tensor {
  return runComposed(() => {
    const opName = 'matmul';
    let a = toTensor(aValue, 'a', opName);
    let b = toTensor(bValue, 'b', opName);
    const transposeA = options.transposeA ?? false;
    const transposeB = options.transposeB ?? false;
    if (a.dtype !== b.dtype || a.dtype === 'bool') {
      throw new DTypeError(`${opName}: a and b must both be float32 or both int32, got a=${a.dtype} b=${b.dtype}`);
    }
    if (a.rank === 0 || b.rank === 0) {
      throw new ShapeError(
        `${opName}: operands must have rank ≥ 1, got a=${formatShape(a.shape)} b=${formatShape(b.shape)}`,
      );
    }
    const aWasVector = a.rank === 1;
    const bWasVector = b.rank === 1;
    if (aWasVector) a = ENGINE.runKernel('reshape', { x: a }, { shape: transposeA ? [a.size, 1] : [1, a.size] });
    if (bWasVector) b = ENGINE.runKernel('reshape', { x: b }, { shape: transposeB ? [1, b.size] : [b.size, 1] });
    const aInner = transposeA ? a.shape[a.rank - 2] : a.shape[a.rank - 1];
    const bInner = transposeB ? b.shape[b.rank - 1] : b.shape[b.rank - 2];
    if (aInner !== bInner) {
      const flags = transposeA || transposeB ? ` (transposeA=${transposeA}, transposeB=${transposeB})` : '';
      throw new ShapeError(
        `${opName}: inner dimensions must match, got a=${formatShape(a.shape)} b=${formatShape(b.shape)}${flags}`,
      );
    }
    const batchShape = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2), opName);
    const product = ENGINE.runKernel('matmul', { a, b }, { transposeA, transposeB });
    if (!aWasVector && !bWasVector) return product;
    const rows = transposeA ? a.shape[a.rank - 1] : a.shape[a.rank - 2];
    const columns = transposeB ? b.shape[b.rank - 2] : b.shape[b.rank - 1];
    const finalShape = [...batchShape, ...(aWasVector ? [] : [rows]), ...(bWasVector ? [] : [columns])];
    return ENGINE.runKernel('reshape', { x: product }, { shape: finalShape });
  });
}
