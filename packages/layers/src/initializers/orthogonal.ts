import { InvalidArgumentError, randomNormal, tensor } from '@tessera/core';
import { fillRandomBits } from '@tessera/core/backend';
import type { Initializer, SeedOptions } from './initializer';

export interface OrthogonalOptions extends SeedOptions {
  /** Multiplies the orthogonal matrix. Default 1. */
  gain?: number;
}

/**
 * Orthonormalizes the columns of `values`, a row-major [rows, columns] matrix with rows >= columns, in place by
 * modified Gram–Schmidt in float64. The diagonal of the implied R is positive, matching QR with Keras' sign fix.
 */
function orthonormalizeColumns(values: Float64Array, rows: number, columns: number): void {
  for (let column = 0; column < columns; column++) {
    for (let previous = 0; previous < column; previous++) {
      let projection = 0;
      for (let row = 0; row < rows; row++)
        projection += values[row * columns + previous] * values[row * columns + column];
      for (let row = 0; row < rows; row++)
        values[row * columns + column] -= projection * values[row * columns + previous];
    }
    let norm = 0;
    for (let row = 0; row < rows; row++) norm += values[row * columns + column] ** 2;
    norm = Math.sqrt(norm);
    // A normal draw is rank-deficient with probability zero; guard anyway rather than divide by zero.
    if (norm < 1e-12) throw new InvalidArgumentError('orthogonal: the random draw was degenerate; use another seed');
    for (let row = 0; row < rows; row++) values[row * columns + column] /= norm;
  }
}

/**
 * A standard normal [rows, columns] draw as float64. From core's random stream where the backend reads values back
 * synchronously (so setSeed makes it repeatable); otherwise (WebGPU) from the same Philox generator on the host,
 * by Box–Muller, because an initializer must return at once and such a backend can only read back asynchronously.
 */
function normalDraw(count: number, rows: number, columns: number, seed: number | undefined): Float64Array {
  const draw = randomNormal([rows, columns], 0, 1, 'float32', { seed });
  try {
    if (draw.backend.storage.readSync !== undefined) return Float64Array.from(draw.dataSync());
  } finally {
    draw.dispose();
  }
  const bits = new Int32Array(2 * count);
  const key: [number, number] = [(seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0, 0x6f727468];
  fillRandomBits(bits, key, [0, 0]);
  const values = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    // 24-bit uniforms; the +1 keeps the logarithm's argument above 0.
    const first = ((bits[2 * index] >>> 8) + 1) / 16777217;
    const second = (bits[2 * index + 1] >>> 8) / 16777216;
    values[index] = Math.sqrt(-2 * Math.log(first)) * Math.cos(2 * Math.PI * second);
  }
  return values;
}

/**
 * Keras' `Orthogonal`: the weight is viewed as a [product of all but the last axis, last axis] matrix W, made from
 * the Q factor of a normal draw, so WᵀW = gain²·I when it has at least as many rows as columns (WWᵀ otherwise).
 */
export function orthogonal(options: OrthogonalOptions = {}): Initializer {
  const gain = options.gain ?? 1;
  if (typeof gain !== 'number' || !Number.isFinite(gain)) {
    throw new InvalidArgumentError(`orthogonal: gain must be a finite number, got ${String(gain)}`);
  }
  return (shape) => {
    if (shape.length < 2) {
      throw new InvalidArgumentError(`orthogonal: expected a weight shape of rank >= 2, got [${shape.join(',')}]`);
    }
    const columns = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((product, size) => product * size, 1);
    const tall = Math.max(rows, columns);
    const narrow = Math.min(rows, columns);
    const values = normalDraw(tall * narrow, tall, narrow, options.seed);
    orthonormalizeColumns(values, tall, narrow);
    const result = new Float32Array(rows * columns);
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        // A wide matrix is the transpose of the tall one, so its rows are orthonormal instead.
        const source = rows >= columns ? row * narrow + column : column * narrow + row;
        result[row * columns + column] = gain * values[source];
      }
    }
    return tensor(result, [...shape], 'float32');
  };
}
