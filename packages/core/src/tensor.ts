import type { Backend } from './backend/backend-definition';
import type { DataId } from './backend/kernel-specs';
import type { DType, TypedArray } from './dtype';
import { ENGINE } from './engine/engine';
import { BackendError, DisposedTensorError } from './errors';
import { TensorMethods } from './tensor-methods';
import { formatTensor } from './util/format-tensor';
import { type NestedArray, toNestedArray } from './util/nested-array';
import { type Shape, sizeFromShape } from './util/shape';

const disposeSymbol: typeof Symbol.dispose = Symbol.dispose ?? (Symbol.for('nodejs.dispose') as typeof Symbol.dispose);

/**
 * An immutable n-dimensional array on one backend. Its buffer is freed by `dispose()` (or by the `tidy`/`scope`
 * it was created in), never by the garbage collector, because GPU memory is not garbage collected.
 */
export class Tensor extends TensorMethods {
  readonly id: number;
  readonly shape: Shape;
  readonly dtype: DType;
  readonly size: number;
  /** Kept tensors survive the `tidy`/`scope` they were created in. */
  kept = false;
  private currentDataId: DataId;
  private currentBackend: Backend;
  private disposed = false;

  constructor(id: number, dataId: DataId, shape: Shape, dtype: DType, backend: Backend) {
    super();
    this.id = id;
    this.currentDataId = dataId;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.size = sizeFromShape(shape);
    this.currentBackend = backend;
  }

  get rank(): number {
    return this.shape.length;
  }

  get dataId(): DataId {
    return this.currentDataId;
  }

  get backend(): Backend {
    return this.currentBackend;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** True for `Variable`s that gradient functions watch by default. */
  get trainable(): boolean {
    return false;
  }

  /** A copy of the values, read asynchronously (works on every backend). */
  async data(): Promise<TypedArray> {
    this.assertAlive('data');
    ENGINE.tracer?.untraceable(`data: tensor #${this.id} was read back`);
    const values = await this.currentBackend.storage.read(this.currentDataId);
    return values.slice();
  }

  /** A copy of the values, read synchronously where the backend can (the CPU backend can). */
  dataSync(): TypedArray {
    this.assertAlive('dataSync');
    ENGINE.tracer?.untraceable(`dataSync: tensor #${this.id} was read back`);
    const storage = this.currentBackend.storage;
    if (!storage.readSync) {
      throw new BackendError(
        `dataSync: backend '${this.currentBackend.name}' cannot read synchronously; use await tensor.data()`,
      );
    }
    return storage.readSync(this.currentDataId).slice();
  }

  async array(): Promise<NestedArray> {
    return toNestedArray(await this.data(), this.shape, this.dtype);
  }

  arraySync(): NestedArray {
    return toNestedArray(this.dataSync(), this.shape, this.dtype);
  }

  dispose(): void {
    ENGINE.disposeTensor(this);
  }

  [disposeSymbol](): void {
    this.dispose();
  }

  override toString(): string {
    if (this.disposed) return `Tensor #${this.id} (disposed)`;
    const values = this.currentBackend.storage.readSync?.(this.currentDataId);
    return formatTensor(values, this.shape, this.dtype);
  }

  /** @internal The engine marks a tensor disposed before it releases the buffer. */
  markDisposed(): void {
    this.disposed = true;
  }

  /** @internal Used by the engine when it copies a tensor to another backend, and by `Variable.assign`. */
  moveTo(dataId: DataId, backend: Backend): void {
    this.currentDataId = dataId;
    this.currentBackend = backend;
  }

  /** @internal Throws the standard error for use after dispose. */
  assertAlive(opName: string): void {
    if (this.disposed) {
      throw new DisposedTensorError(`${opName}: tensor #${this.id} ${JSON.stringify(this.shape)} was already disposed`);
    }
  }
}
