import { createCpuBackend } from '@tessera/core';
import type { Backend, DType, KernelAttributes, KernelName, TensorInfo, TypedArray } from '@tessera/core/backend';
import { expect } from 'vitest';

/** A kernel input given as plain values. */
export interface HostTensor {
  values: ArrayLike<number>;
  shape: number[];
  dtype: DType;
}

export interface KernelResult {
  shape: readonly number[];
  dtype: DType;
  values: number[];
}

function typedArrayOf(input: HostTensor): TypedArray {
  if (input.dtype === 'float32') return Float32Array.from(input.values);
  if (input.dtype === 'int32') return Int32Array.from(input.values);
  return Uint8Array.from(input.values);
}

/**
 * Runs one kernel on a backend from host values and reads the result back, disposing everything it wrote, so
 * that `backend.storage.memory()` is unchanged afterwards (checked by the callers' leak tests).
 */
export async function runKernel<K extends KernelName>(
  backend: Backend,
  name: K,
  inputs: Record<string, HostTensor | HostTensor[]>,
  attributes: KernelAttributes<K>,
): Promise<KernelResult> {
  const written: TensorInfo[] = [];
  const write = (input: HostTensor): TensorInfo => {
    const info = {
      dataId: backend.storage.write(typedArrayOf(input), input.dtype),
      shape: input.shape,
      dtype: input.dtype,
    };
    written.push(info);
    return info;
  };
  const infos = Object.fromEntries(
    Object.entries(inputs).map(([key, value]) => [key, Array.isArray(value) ? value.map(write) : write(value)]),
  );
  const kernel = backend.kernels[name] as unknown as (inputs: unknown, attributes: unknown) => TensorInfo;
  const output = kernel(infos, attributes);
  const values = Array.from(await backend.storage.read(output.dataId));
  if (!written.some((info) => info.dataId === output.dataId)) backend.storage.dispose(output.dataId);
  for (const info of written) backend.storage.dispose(info.dataId);
  return { shape: output.shape, dtype: output.dtype, values };
}

const cpu = createCpuBackend();

/** Tolerances for float results: f32 on the GPU against float64-accumulated math on the CPU. */
export interface Tolerance {
  absolute: number;
  relative: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { absolute: 1e-5, relative: 1e-5 };

/** Runs the kernel on both backends and expects the same shape, dtype and values (NaN and ±Infinity exactly). */
export async function expectKernelMatchesCpu<K extends KernelName>(
  webgpu: Backend,
  name: K,
  inputs: Record<string, HostTensor | HostTensor[]>,
  attributes: KernelAttributes<K>,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): Promise<KernelResult> {
  const expected = await runKernel(cpu, name, inputs, attributes);
  const actual = await runKernel(webgpu, name, inputs, attributes);
  const label = `${name} ${JSON.stringify(attributes)}`;
  expect(actual.shape, label).toEqual(expected.shape);
  expect(actual.dtype, label).toBe(expected.dtype);
  expectValuesClose(actual.values, expected.values, expected.dtype, tolerance, label);
  return actual;
}

export function expectValuesClose(
  actual: number[],
  expected: number[],
  dtype: DType,
  tolerance: Tolerance,
  label: string,
): void {
  expect(actual.length, label).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) {
    const want = expected[index];
    const got = actual[index];
    const close =
      dtype !== 'float32' || !Number.isFinite(want)
        ? Object.is(got, want) || (want === 0 && got === 0)
        : Math.abs(got - want) <= tolerance.absolute + tolerance.relative * Math.abs(want);
    if (!close) {
      expect.fail(`${label}: element ${index} is ${got}, the CPU backend gives ${want}`);
    }
  }
}
