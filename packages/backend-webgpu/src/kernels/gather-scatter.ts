import type { KernelFunction } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, sizeOf, wgslType } from '../wgsl-helpers';

/**
 * x viewed as [outer, axisSize, inner], n indices: out [outer, n, inner]. An index out of range leaves its slice
 * zero, as on the CPU backend (the op layer cannot check indices here: this backend has no synchronous read).
 * meta: [size, n, inner, axisSize].
 */
const GATHER_BODY = /* wgsl */ `
  let count = params[1];
  let inner = params[2];
  let axis_size = params[3];
  let block = index / (count * inner);
  let entry = (index / inner) % count;
  let position = positions[entry];
  if (position < 0 || u32(position) >= axis_size) { out[index] = 0u; return; }
  out[index] = bitcast<u32>(x_values[(block * axis_size + u32(position)) * inner + index % inner]);`;

export function createGatherKernel(environment: KernelEnvironment): KernelFunction<'gather'> {
  return ({ x, indices }, { axis }) => {
    const { storage } = environment;
    const outputShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const output = storage.allocate(outputShape, x.dtype);
    if (output.length === 0) return output.info;
    const type = wgslType(x.dtype);
    environment.context().dispatch({
      key: `gather:${type}`,
      source: () =>
        `${bindings(
          [
            ['x_values', type],
            ['positions', 'i32'],
          ],
          'u32',
        )}\n${elementwiseMain(GATHER_BODY)}`,
      inputs: [storage.bufferOf(x), storage.bufferOf(indices)],
      output: output.buffer,
      meta: [output.length, sizeOf(indices.shape), sizeOf(x.shape.slice(axis + 1)), x.shape[axis]],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}

/**
 * Deterministic scatter-add without atomics (WGSL has no float atomics): one invocation per output element scans
 * all indices and sums the matching updates in index order, so the result never depends on scheduling. It costs
 * O(outputs × indices), fine for embedding and gather gradients of moderate size. meta: [size, n, inner, rows].
 */
const SCATTER_BODY = /* wgsl */ `
  let count = params[1];
  let inner = params[2];
  let rows = params[3];
  let block = index / (rows * inner);
  let row = i32((index / inner) % rows);
  let column = index % inner;
  var total = ZERO;
  for (var entry = 0u; entry < count; entry++) {
    if (positions[entry] == row) { total += updates[(block * count + entry) * inner + column]; }
  }
  out[index] = total;`;

export function createScatterAddKernel(environment: KernelEnvironment): KernelFunction<'scatterAdd'> {
  return ({ updates, indices }, { axis, size }) => {
    const { storage } = environment;
    const indexRank = indices.shape.length;
    const outputShape = [...updates.shape.slice(0, axis), size, ...updates.shape.slice(axis + indexRank)];
    const output = storage.allocate(outputShape, updates.dtype);
    if (output.length === 0) return output.info;
    const type = wgslType(updates.dtype);
    environment.context().dispatch({
      key: `scatterAdd:${type}`,
      source: () =>
        `${bindings(
          [
            ['updates', type],
            ['positions', 'i32'],
          ],
          type,
        )}\n${elementwiseMain(SCATTER_BODY.replace('ZERO', type === 'f32' ? '0.0' : '0'))}`,
      inputs: [storage.bufferOf(updates), storage.bufferOf(indices)],
      output: output.buffer,
      meta: [output.length, sizeOf(indices.shape), sizeOf(updates.shape.slice(axis + indexRank)), size],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}
