import type { KernelMap, ReduceOp, TensorInfo } from '@tessera/core/backend';
import type { MinimalStorage } from './minimal-storage';
import { broadcastIndex, broadcastShape, coordinatesOf, sizeOf } from './shape-math';

interface Reduction {
  initial: (dtype: TensorInfo['dtype']) => number;
  combine: (accumulator: number, value: number, dtype: TensorInfo['dtype']) => number;
}

// NaN wins in max and min: once the accumulator is NaN no comparison replaces it. any/all are max/min on 0/1.
const maximum: Reduction = {
  initial: (dtype) => (dtype === 'float32' ? Number.NEGATIVE_INFINITY : dtype === 'int32' ? -2147483648 : 0),
  combine: (accumulator, value) => (value > accumulator || Number.isNaN(value) ? value : accumulator),
};
const minimum: Reduction = {
  initial: (dtype) => (dtype === 'float32' ? Number.POSITIVE_INFINITY : dtype === 'int32' ? 2147483647 : 1),
  combine: (accumulator, value) => (value < accumulator || Number.isNaN(value) ? value : accumulator),
};
const REDUCTIONS: Record<ReduceOp, Reduction> = {
  // Sums accumulate in float64 and round (or wrap, for int32) once when stored.
  sum: { initial: () => 0, combine: (accumulator, value) => accumulator + value },
  // int32 products must wrap at every step, which only Math.imul does exactly.
  prod: {
    initial: () => 1,
    combine: (accumulator, value, dtype) => (dtype === 'int32' ? Math.imul(accumulator, value) : accumulator * value),
  },
  max: maximum,
  min: minimum,
  any: maximum,
  all: minimum,
};

/** Reductions, argMax/argMin and batched matrix products. */
export function createMathKernels(storage: MinimalStorage) {
  const kernels: Pick<KernelMap, 'reduce' | 'argReduce' | 'matmul'> = {
    reduce: ({ x }, { op, axes }) => {
      const kept = x.shape.map((_, axis) => axis).filter((axis) => !axes.includes(axis));
      const shape = kept.map((axis) => x.shape[axis]);
      const reduction = REDUCTIONS[op];
      const accumulators = new Float64Array(sizeOf(shape)).fill(reduction.initial(x.dtype));
      const input = storage.values(x);
      for (let index = 0; index < input.length; index++) {
        const coordinates = coordinatesOf(index, x.shape);
        let target = 0;
        for (const axis of kept) target = target * x.shape[axis] + coordinates[axis];
        accumulators[target] = reduction.combine(accumulators[target], input[index], x.dtype);
      }
      const output = storage.output(shape, x.dtype);
      output.values.set(accumulators);
      return output.info;
    },

    // The first extreme wins ties; a NaN counts as the extreme (like max/min propagating it).
    argReduce: ({ x }, { op, axis }) => {
      const shape = x.shape.filter((_, dimension) => dimension !== axis);
      const output = storage.output(shape, 'int32');
      const input = storage.values(x);
      const outer = sizeOf(x.shape.slice(0, axis));
      const inner = sizeOf(x.shape.slice(axis + 1));
      const axisSize = x.shape[axis];
      const beats =
        op === 'argMax' ? (value: number, best: number) => value > best : (value: number, best: number) => value < best;
      for (let block = 0; block < outer; block++) {
        for (let offset = 0; offset < inner; offset++) {
          let bestPosition = 0;
          let best = input[block * axisSize * inner + offset];
          for (let position = 1; position < axisSize; position++) {
            const value = input[(block * axisSize + position) * inner + offset];
            if (beats(value, best) || (Number.isNaN(value) && !Number.isNaN(best))) {
              best = value;
              bestPosition = position;
            }
          }
          output.values[block * inner + offset] = bestPosition;
        }
      }
      return output.info;
    },

    // [...batch, rows, inner] · [...batch, inner, columns], batch dimensions broadcast; a transpose flag swaps the
    // last two dimensions of its operand.
    matmul: ({ a, b }, { transposeA, transposeB }) => {
      const [aRows, aColumns] = a.shape.slice(-2);
      const [bRows, bColumns] = b.shape.slice(-2);
      const [rows, inner] = transposeA ? [aColumns, aRows] : [aRows, aColumns];
      const columns = transposeB ? bRows : bColumns;
      const batchShape = broadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
      const output = storage.output([...batchShape, rows, columns], a.dtype);
      const [aValues, bValues] = [storage.values(a), storage.values(b)];
      const integer = a.dtype === 'int32';
      for (let batch = 0; batch < sizeOf(batchShape); batch++) {
        const coordinates = coordinatesOf(batch, batchShape);
        const aBase = broadcastIndex(coordinates, a.shape.slice(0, -2)) * aRows * aColumns;
        const bBase = broadcastIndex(coordinates, b.shape.slice(0, -2)) * bRows * bColumns;
        for (let row = 0; row < rows; row++) {
          for (let column = 0; column < columns; column++) {
            let total = 0;
            for (let step = 0; step < inner; step++) {
              const left = aValues[aBase + (transposeA ? step * aColumns + row : row * aColumns + step)];
              const right = bValues[bBase + (transposeB ? column * bColumns + step : step * bColumns + column)];
              total = integer ? (total + Math.imul(left, right)) | 0 : total + left * right;
            }
            output.values[(batch * rows + row) * columns + column] = total;
          }
        }
      }
      return output.info;
    },
  };
  return kernels;
}
