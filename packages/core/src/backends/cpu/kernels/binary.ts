import type { KernelFunction } from '../../../backend/backend-definition';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { runBinaryLoop } from './binary-block';
import { FLOAT_BINARY_LOOPS, INTEGER_BINARY_LOOPS } from './binary-loops';
import { simdBinary } from './simd-elementwise';

/** Element-wise arithmetic with NumPy broadcasting; both inputs share the output's dtype (float32 or int32). */
export function createBinaryKernel(storage: CpuStorage): KernelFunction<'binary'> {
  return ({ a, b }, { op }) => {
    const outputShape = broadcastShapes(a.shape, b.shape, op);
    // Both the SIMD kernel and the block loops write every output element.
    const output = storage.allocate(outputShape, a.dtype, 'overwritten');
    const aValues = storage.values(a);
    const bValues = storage.values(b);
    // Same-length operands, or one a scalar: the SIMD kernel where it has the op (bit-identical results).
    const simdLayout =
      (aValues.length === output.values.length || aValues.length === 1) &&
      (bValues.length === output.values.length || bValues.length === 1) &&
      !(aValues.length === 1 && bValues.length === 1);
    if (
      simdLayout &&
      aValues instanceof Float32Array &&
      bValues instanceof Float32Array &&
      output.values instanceof Float32Array &&
      simdBinary(op, aValues, bValues, output.values)
    ) {
      return output.info;
    }
    const loop = a.dtype === 'float32' ? FLOAT_BINARY_LOOPS[op] : INTEGER_BINARY_LOOPS[op];
    runBinaryLoop(loop, output.values, aValues, a.shape, bValues, b.shape, outputShape);
    return output.info;
  };
}
