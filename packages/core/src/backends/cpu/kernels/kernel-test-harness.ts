/**
 * Test support for the CPU kernels (imported only by tests): a backend to run kernels on directly, a seeded
 * generator, and the naive index arithmetic that the reference loops in the tests are written with.
 */
import type { KernelAttributes, KernelInputs, RequiredKernelName, TensorInfo } from '../../../backend/kernel-specs';
import type { DType } from '../../../dtype';
import { allocateTypedArray } from '../../../dtype';
import { stridesFromShape } from '../../../util/shape';
import { createCpuBackend } from '../create-cpu-backend';

export interface KernelHarness {
  input(values: ArrayLike<number>, shape: readonly number[], dtype?: DType): TensorInfo;
  read(info: TensorInfo): number[];
  run<K extends RequiredKernelName>(name: K, inputs: KernelInputs<K>, attributes: KernelAttributes<K>): TensorInfo;
  liveBuffers(): number;
}

export function createKernelHarness(): KernelHarness {
  const backend = createCpuBackend();
  return {
    input(values, shape, dtype = 'float32') {
      const array = allocateTypedArray(dtype, values.length);
      for (let index = 0; index < values.length; index++) array[index] = values[index];
      return { dataId: backend.storage.write(array, dtype), shape: [...shape], dtype };
    },
    read(info) {
      const values = backend.storage.readSync?.(info.dataId);
      if (values === undefined) throw new Error('the CPU backend reads synchronously');
      return Array.from(values);
    },
    run(name, inputs, attributes) {
      const kernel = backend.kernels[name] as (inputs: unknown, attributes: unknown) => TensorInfo;
      return kernel(inputs, attributes);
    },
    liveBuffers: () => backend.storage.memory().numBuffers,
  };
}

/** Mulberry32: a small seeded generator so that failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInteger(random: () => number, minimum: number, maximum: number): number {
  return minimum + Math.floor(random() * (maximum - minimum + 1));
}

export function randomShape(random: () => number, rank: number, minimum = 0, maximum = 4): number[] {
  return Array.from({ length: rank }, () => randomInteger(random, minimum, maximum));
}

export function randomValues(random: () => number, size: number, dtype: DType): number[] {
  if (dtype === 'bool') return Array.from({ length: size }, () => (random() < 0.5 ? 1 : 0));
  if (dtype === 'int32') return Array.from({ length: size }, () => randomInteger(random, -9, 9));
  return Array.from({ length: size }, () => Math.fround((random() - 0.5) * 8));
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((size, dimension) => size * dimension, 1);
}

export function coordinatesOf(index: number, shape: readonly number[]): number[] {
  const coordinates = new Array<number>(shape.length);
  let remainder = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    coordinates[axis] = remainder % shape[axis];
    remainder = Math.floor(remainder / shape[axis]);
  }
  return coordinates;
}

export function offsetOf(coordinates: readonly number[], shape: readonly number[]): number {
  const strides = stridesFromShape(shape);
  return coordinates.reduce((offset, coordinate, axis) => offset + coordinate * strides[axis], 0);
}

/** The element NumPy broadcasting reads from `values` (of `shape`) for output `coordinates`. */
export function broadcastRead(
  values: readonly number[],
  shape: readonly number[],
  coordinates: readonly number[],
): number {
  const skipped = coordinates.length - shape.length;
  return values[
    offsetOf(
      shape.map((dimension, axis) => (dimension === 1 ? 0 : coordinates[axis + skipped])),
      shape,
    )
  ];
}

export function broadcastShape(...shapes: ReadonlyArray<readonly number[]>): number[] {
  const rank = Math.max(...shapes.map((shape) => shape.length));
  return Array.from({ length: rank }, (_, axis) => {
    const dimensions = shapes.map((shape) => shape[shape.length - rank + axis] ?? 1);
    return dimensions.find((dimension) => dimension !== 1) ?? 1;
  });
}

/** A shape that broadcasts against `shape`: a suffix of it with some dimensions replaced by 1. */
export function broadcastPartner(random: () => number, shape: readonly number[]): number[] {
  const rank = randomInteger(random, 0, shape.length);
  return shape.slice(shape.length - rank).map((dimension) => (random() < 0.4 ? 1 : dimension));
}
