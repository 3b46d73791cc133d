import type { KernelFunction } from '../../../backend/backend-definition';
import { sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';

/**
 * The adjoint of gather: with updates as [outer, n, inner] for n indices, adds each [inner] slice into row
 * indices[k] of a zero [outer, size, inner] output (shaped updates.shape[:axis] + [size] +
 * updates.shape[axis + indices.rank:]). Duplicates accumulate in float64 and are rounded once, so the result does
 * not depend on the order of the indices; out-of-range indices are skipped.
 */
export function createScatterAddKernel(storage: CpuStorage): KernelFunction<'scatterAdd'> {
  return ({ updates, indices }, { axis, size }) => {
    const indexRank = indices.shape.length;
    const outputShape = [...updates.shape.slice(0, axis), size, ...updates.shape.slice(axis + indexRank)];
    const output = storage.allocate(outputShape, updates.dtype);
    const values = storage.values(updates);
    if (output.values.length === 0 || values.length === 0) return output.info;
    const positions = storage.values(indices) as Int32Array;
    const outer = sizeFromShape(updates.shape.slice(0, axis));
    const inner = sizeFromShape(updates.shape.slice(axis + indexRank));
    const count = positions.length;
    const sums = new Float64Array(output.values.length);
    for (let block = 0; block < outer; block++) {
      for (let entry = 0; entry < count; entry++) {
        const position = positions[entry];
        if (position < 0 || position >= size) continue;
        const source = (block * count + entry) * inner;
        const target = (block * size + position) * inner;
        for (let offset = 0; offset < inner; offset++) sums[target + offset] += values[source + offset];
      }
    }
    output.values.set(sums);
    return output.info;
  };
}
