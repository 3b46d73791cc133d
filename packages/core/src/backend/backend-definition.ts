import type { DType, TypedArray } from '../dtype';
import type {
  DataId,
  KernelAttributes,
  KernelInputs,
  KernelName,
  KernelOutput,
  OptionalKernelName,
  RequiredKernelName,
} from './kernel-specs';

export type KernelFunction<K extends KernelName> = (
  inputs: KernelInputs<K>,
  attributes: KernelAttributes<K>,
) => KernelOutput<K>;

/** Every required kernel must be present (a compile error otherwise); optional kernels may be. */
export type KernelMap = { [K in RequiredKernelName]: KernelFunction<K> } & {
  [K in OptionalKernelName]?: KernelFunction<K>;
};

export interface BackendMemory {
  /** Live buffers owned by this backend's storage. */
  numBuffers: number;
  numBytes: number;
}

/** Owns the buffers of one backend. Values are copied in and out; kernels share buffers by `DataId`. */
export interface BackendStorage {
  write(values: TypedArray, dtype: DType): DataId;
  read(dataId: DataId): Promise<TypedArray>;
  /** Only where the backend can read without waiting (the CPU backend can; a GPU backend usually cannot). */
  readSync?(dataId: DataId): TypedArray;
  dispose(dataId: DataId): void;
  memory(): BackendMemory;
}

export interface BackendDefinition {
  /** The version of the kernel table this backend was written against. */
  specVersion: 1;
  name: string;
  storage: BackendStorage;
  kernels: KernelMap;
  /** Awaited by `setBackend` before first use (device requests, shader compilation). */
  initialize?: () => Promise<void>;
  /** Releases the device; called when the backend is removed. */
  destroy?: () => void;
}

export interface Backend extends BackendDefinition {
  readonly isTesseraBackend: true;
}
