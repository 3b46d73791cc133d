import { fillRandomBits, type KernelMap } from '@tessera/core/backend';
import type { MinimalStorage } from './minimal-storage';
import { coordinatesOf, sizeOf, stridesOf } from './shape-math';

/** Kernels that move or create values without arithmetic. Every output is a new contiguous buffer. */
export function createLayoutKernels(storage: MinimalStorage) {
  const kernels: Pick<
    KernelMap,
    'transpose' | 'slice' | 'pad' | 'concat' | 'gather' | 'scatterAdd' | 'fill' | 'randomBits' | 'reshape'
  > = {
    transpose: ({ x }, { perm }) => {
      const shape = perm.map((axis) => x.shape[axis]);
      const output = storage.output(shape, x.dtype);
      const input = storage.values(x);
      const inputStrides = stridesOf(x.shape);
      for (let index = 0; index < output.values.length; index++) {
        const coordinates = coordinatesOf(index, shape);
        let source = 0;
        for (let axis = 0; axis < perm.length; axis++) source += coordinates[axis] * inputStrides[perm[axis]];
        output.values[index] = input[source];
      }
      return output.info;
    },

    slice: ({ x }, { begin, size }) => {
      const output = storage.output(size, x.dtype);
      const input = storage.values(x);
      const inputStrides = stridesOf(x.shape);
      for (let index = 0; index < output.values.length; index++) {
        const coordinates = coordinatesOf(index, size);
        let source = 0;
        for (let axis = 0; axis < size.length; axis++) source += (coordinates[axis] + begin[axis]) * inputStrides[axis];
        output.values[index] = input[source];
      }
      return output.info;
    },

    pad: ({ x }, { paddings, value }) => {
      const shape = x.shape.map((dimension, axis) => paddings[axis][0] + dimension + paddings[axis][1]);
      const output = storage.output(shape, x.dtype);
      output.values.fill(value);
      const input = storage.values(x);
      const outputStrides = stridesOf(shape);
      for (let index = 0; index < input.length; index++) {
        const coordinates = coordinatesOf(index, x.shape);
        let target = 0;
        for (let axis = 0; axis < shape.length; axis++)
          target += (coordinates[axis] + paddings[axis][0]) * outputStrides[axis];
        output.values[target] = input[index];
      }
      return output.info;
    },

    concat: ({ tensors }, { axis }) => {
      const shape = [...tensors[0].shape];
      shape[axis] = tensors.reduce((total, part) => total + part.shape[axis], 0);
      const output = storage.output(shape, tensors[0].dtype);
      const outputStrides = stridesOf(shape);
      let offsetAlongAxis = 0;
      for (const part of tensors) {
        const input = storage.values(part);
        for (let index = 0; index < input.length; index++) {
          const coordinates = coordinatesOf(index, part.shape);
          coordinates[axis] += offsetAlongAxis;
          let target = 0;
          for (let dimension = 0; dimension < shape.length; dimension++)
            target += coordinates[dimension] * outputStrides[dimension];
          output.values[target] = input[index];
        }
        offsetAlongAxis += part.shape[axis];
      }
      return output.info;
    },

    // x viewed as [outer, axisSize, inner]; the output is [outer, indexCount, inner].
    gather: ({ x, indices }, { axis }) => {
      const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
      const output = storage.output(shape, x.dtype);
      const [input, positions] = [storage.values(x), storage.values(indices)];
      const outer = sizeOf(x.shape.slice(0, axis));
      const inner = sizeOf(x.shape.slice(axis + 1));
      const axisSize = x.shape[axis];
      for (let block = 0; block < outer; block++) {
        for (let entry = 0; entry < positions.length; entry++) {
          for (let offset = 0; offset < inner; offset++) {
            output.values[(block * positions.length + entry) * inner + offset] =
              input[(block * axisSize + positions[entry]) * inner + offset];
          }
        }
      }
      return output.info;
    },

    // The adjoint of gather: updates as [outer, indexCount, inner] summed into a zero [outer, size, inner].
    scatterAdd: ({ updates, indices }, { axis, size }) => {
      const indexRank = indices.shape.length;
      const shape = [...updates.shape.slice(0, axis), size, ...updates.shape.slice(axis + indexRank)];
      const output = storage.output(shape, updates.dtype);
      const [values, positions] = [storage.values(updates), storage.values(indices)];
      const outer = sizeOf(updates.shape.slice(0, axis));
      const inner = sizeOf(updates.shape.slice(axis + indexRank));
      for (let block = 0; block < outer; block++) {
        for (let entry = 0; entry < positions.length; entry++) {
          for (let offset = 0; offset < inner; offset++) {
            output.values[(block * size + positions[entry]) * inner + offset] +=
              values[(block * positions.length + entry) * inner + offset];
          }
        }
      }
      return output.info;
    },

    fill: (_inputs, { shape, value, dtype }) => {
      const output = storage.output(shape, dtype);
      output.values.fill(dtype === 'bool' ? +(value !== 0) : value);
      return output.info;
    },

    // Core's Philox stream, bit for bit: the same seed gives the same numbers on every backend.
    randomBits: (_inputs, { shape, key, counter }) => {
      const output = storage.output(shape, 'int32');
      fillRandomBits(output.values as Int32Array, key, counter);
      return output.info;
    },

    // Shares the input's buffer: core reference-counts buffers, so nothing is copied and nothing is freed twice.
    reshape: ({ x }, { shape }) => ({ dataId: x.dataId, shape: [...shape], dtype: x.dtype }),
  };
  return kernels;
}
