import type { Backend } from '../backend/backend-definition';
import type {
  DataId,
  KernelAttributes,
  KernelInputs,
  KernelName,
  MultiOutputKernelName,
  SingleOutputKernelName,
  TensorInfo,
} from '../backend/kernel-specs';
import { COMPOSITES } from '../composites/composite-registry';
import { bytesPerElement, type DType, type TypedArray } from '../dtype';
import { BackendError, DisposedTensorError, KernelNotFoundError } from '../errors';
import { GRADIENTS } from '../gradients/gradient-registry';
import type { GradientContext } from '../gradients/gradient-rule';
import { Tensor } from '../tensor';
import { type Shape, sizeFromShape } from '../util/shape';
import { BackendRegistry } from './backend-registry';
import type { KernelTracer } from './kernel-tracer';
import { LeakTracker } from './leak-tracker';
import { ScopeManager } from './scope-manager';
import { Tape, type TapeNode } from './tape';

/** Kernel inputs with `Tensor` where the kernel sees `TensorInfo`. */
export type TensorInputs<K extends KernelName> = {
  [Name in keyof KernelInputs<K>]: KernelInputs<K>[Name] extends TensorInfo[] ? Tensor[] : Tensor;
};

interface BufferRecord {
  references: number;
  backend: Backend;
  bytes: number;
}

export interface MemoryInfo {
  /** Live `Tensor` objects (variables included). */
  numTensors: number;
  /** Distinct buffers behind them (reshape shares one). */
  numDataBuffers: number;
  numBytes: number;
  /** What the current backend's storage reports. */
  backend: { name: string; numBuffers: number; numBytes: number };
}

/** The one place that runs kernels, tracks tensors and records the tape. Ops are thin functions over it. */
export class Engine {
  readonly registry = new BackendRegistry();
  readonly scopes = new ScopeManager();
  readonly leaks = new LeakTracker();
  private readonly buffers = new Map<DataId, BufferRecord>();
  private readonly activeTapes: Tape[] = [];
  private gradientPauses = 0;
  /** Set while `compileStep` records a trace; undefined otherwise (one property check per kernel). */
  tracer: KernelTracer | undefined = undefined;
  private liveTensorCount = 0;
  private nextTensorId = 0;

  get backend(): Backend {
    return this.registry.current();
  }

  /** Runs a kernel on the current backend, or its composite when the backend lacks an optional kernel. */
  runKernel<K extends SingleOutputKernelName>(
    name: K,
    inputs: TensorInputs<K>,
    attributes: KernelAttributes<K>,
  ): Tensor {
    const backend = this.backend;
    const kernel = this.kernelOf(name, backend);
    if (kernel === undefined) return this.composite(name)(inputs, attributes) as Tensor;
    const { infos, flatInputs } = this.kernelInputs(name, inputs, attributes, backend);
    const output = this.makeTensorFromInfo(kernel(infos, attributes) as TensorInfo, backend);
    this.tracer?.kernel(name, inputs as Record<string, Tensor | Tensor[]>, attributes, [output]);
    if (this.isRecording() && flatInputs.some((tensor) => tensor.dtype === 'float32')) {
      this.recordKernel(name, inputs, attributes, flatInputs, output);
    }
    return output;
  }

  /**
   * Runs a kernel with several outputs (the fused optimizer updates), or its composite. Such kernels have no
   * gradient: they are never recorded on a tape.
   */
  runMultiOutputKernel<K extends MultiOutputKernelName>(
    name: K,
    inputs: TensorInputs<K>,
    attributes: KernelAttributes<K>,
  ): Tensor[] {
    const backend = this.backend;
    const kernel = this.kernelOf(name, backend);
    if (kernel === undefined) return this.composite(name)(inputs, attributes) as Tensor[];
    const { infos } = this.kernelInputs(name, inputs, attributes, backend);
    const outputs = (kernel(infos, attributes) as TensorInfo[]).map((info) => this.makeTensorFromInfo(info, backend));
    this.tracer?.kernel(name, inputs as Record<string, Tensor | Tensor[]>, attributes, outputs);
    return outputs;
  }

  private composite<K extends KernelName>(
    name: K,
  ): (inputs: TensorInputs<K>, attributes: KernelAttributes<K>) => unknown {
    return (COMPOSITES as Record<string, unknown>)[name] as (
      inputs: TensorInputs<K>,
      attributes: KernelAttributes<K>,
    ) => unknown;
  }

  /** The backend's kernel, undefined when an optional kernel falls back to its composite. */
  private kernelOf(
    name: KernelName,
    backend: Backend,
  ): ((inputs: unknown, attributes: unknown) => unknown) | undefined {
    const kernel = (backend.kernels as Record<string, unknown>)[name] as
      | ((inputs: unknown, attributes: unknown) => unknown)
      | undefined;
    if (kernel === undefined && !(name in COMPOSITES)) {
      throw new KernelNotFoundError(`${name}: backend '${backend.name}' does not implement this required kernel`);
    }
    return kernel;
  }

  /** Each input's info on `backend` (copying from other backends where needed), and the inputs as one list. */
  private kernelInputs<K extends KernelName>(
    name: K,
    inputs: TensorInputs<K>,
    attributes: KernelAttributes<K>,
    backend: Backend,
  ): { infos: Record<string, TensorInfo | TensorInfo[]>; flatInputs: Tensor[] } {
    // Element-wise and reduction kernels carry the public op's name in `op`: errors should say `add`, not `binary`.
    const opLabel = typeof (attributes as { op?: unknown }).op === 'string' ? (attributes as { op: string }).op : name;
    const infos: Record<string, TensorInfo | TensorInfo[]> = {};
    const flatInputs: Tensor[] = [];
    for (const [inputName, value] of Object.entries(inputs as Record<string, Tensor | Tensor[]>)) {
      if (Array.isArray(value)) {
        infos[inputName] = value.map((tensor) => this.infoOn(tensor, backend, opLabel, inputName));
        flatInputs.push(...value);
      } else {
        infos[inputName] = this.infoOn(value, backend, opLabel, inputName);
        flatInputs.push(value);
      }
    }
    return { infos, flatInputs };
  }

  /** Creates a tensor from values already validated by the caller. */
  makeTensor(values: TypedArray, shape: Shape, dtype: DType, backend: Backend = this.backend): Tensor {
    const dataId = backend.storage.write(values, dtype);
    const tensor = this.makeTensorFromInfo({ dataId, shape, dtype }, backend);
    this.tracer?.constant(tensor, values);
    return tensor;
  }

  makeTensorFromInfo(info: TensorInfo, backend: Backend): Tensor {
    this.retainBuffer(info.dataId, backend, sizeFromShape(info.shape) * bytesPerElement(info.dtype));
    const tensor = new Tensor(this.nextId(), info.dataId, [...info.shape], info.dtype, backend);
    this.registerTensor(tensor, true);
    return tensor;
  }

  nextId(): number {
    return this.nextTensorId++;
  }

  /** Counts a new tensor; `track` adds it to the current tidy/scope (variables are never tracked). */
  registerTensor(tensor: Tensor, track: boolean): void {
    this.liveTensorCount++;
    if (track) this.scopes.track(tensor);
    this.leaks.register(tensor);
  }

  retainBuffer(dataId: DataId, backend: Backend, bytes: number): void {
    const record = this.buffers.get(dataId);
    if (record) record.references++;
    else this.buffers.set(dataId, { references: 1, backend, bytes });
  }

  releaseBuffer(dataId: DataId): void {
    const record = this.buffers.get(dataId);
    if (!record) return;
    record.references--;
    if (record.references === 0) {
      this.buffers.delete(dataId);
      record.backend.storage.dispose(dataId);
    }
  }

  disposeTensor(tensor: Tensor): void {
    if (tensor.isDisposed) return;
    tensor.markDisposed();
    this.liveTensorCount--;
    this.leaks.unregister(tensor);
    this.releaseBuffer(tensor.dataId);
  }

  memory(): MemoryInfo {
    let numBytes = 0;
    for (const record of this.buffers.values()) numBytes += record.bytes;
    const backend = this.backend;
    return {
      numTensors: this.liveTensorCount,
      numDataBuffers: this.buffers.size,
      numBytes,
      backend: { name: backend.name, ...backend.storage.memory() },
    };
  }

  // --- autograd recording -------------------------------------------------------------------------------

  isRecording(): boolean {
    return this.activeTapes.length > 0 && this.gradientPauses === 0;
  }

  startTape(): Tape {
    const tape = new Tape();
    this.activeTapes.push(tape);
    return tape;
  }

  stopTape(tape: Tape): void {
    const index = this.activeTapes.lastIndexOf(tape);
    if (index >= 0) this.activeTapes.splice(index, 1);
  }

  withoutRecording<T>(body: () => T): T {
    this.gradientPauses++;
    try {
      return body();
    } finally {
      this.gradientPauses--;
    }
  }

  addTapeNode(node: TapeNode): void {
    for (const tape of this.activeTapes) tape.add(node);
  }

  /** Whether a gradient function that is still recording needs this tensor for its backward pass. */
  isHeldByActiveTape(tensor: Tensor): boolean {
    for (const tape of this.activeTapes) if (tape.tensors.has(tensor)) return true;
    return false;
  }

  private recordKernel<K extends KernelName>(
    name: K,
    inputs: TensorInputs<K>,
    attributes: KernelAttributes<K>,
    flatInputs: Tensor[],
    output: Tensor,
  ): void {
    const rule = GRADIENTS[name] as unknown as
      | ((dy: Tensor, context: GradientContext<K>) => Record<string, Tensor | Tensor[] | undefined>)
      | null;
    if (rule === null) return;
    this.addTapeNode({
      name,
      inputs: flatInputs,
      outputs: [output],
      backward: ([dy], inputsNeeded) => {
        // Per input name: an array input (concat's) is needed when any of its tensors is.
        const needed = new Map<string, boolean>();
        let position = 0;
        for (const [inputName, value] of Object.entries(inputs as Record<string, Tensor | Tensor[]>)) {
          const count = Array.isArray(value) ? value.length : 1;
          needed.set(inputName, inputsNeeded.slice(position, position + count).some(Boolean));
          position += count;
        }
        const needsGradient = (inputName: keyof TensorInputs<K>) => needed.get(inputName as string) !== false;
        const gradients = rule(dy, { inputs, output, attributes, needsGradient });
        const flat: Array<Tensor | undefined> = [];
        for (const [inputName, value] of Object.entries(inputs as Record<string, Tensor | Tensor[]>)) {
          const gradient = gradients[inputName];
          if (Array.isArray(value)) flat.push(...value.map((_, index) => (gradient as Tensor[] | undefined)?.[index]));
          else flat.push(gradient as Tensor | undefined);
        }
        return flat;
      },
    });
  }

  /** The kernel's view of a tensor on `backend`, copying it across backends where the source can read synchronously. */
  private infoOn(tensor: Tensor, backend: Backend, kernelName: string, inputName: string): TensorInfo {
    if (!(tensor instanceof Tensor)) {
      throw new BackendError(`${kernelName}: input '${inputName}' must be a Tensor, got ${typeof tensor}`);
    }
    if (tensor.isDisposed) {
      throw new DisposedTensorError(`${kernelName}: input '${inputName}' (tensor #${tensor.id}) was already disposed`);
    }
    if (tensor.backend === backend) return tensor;
    const source = tensor.backend.storage;
    if (!source.readSync) {
      throw new BackendError(
        `${kernelName}: input '${inputName}' lives on backend '${tensor.backend.name}'; move it first with await toBackend(tensor, '${backend.name}')`,
      );
    }
    this.tracer?.untraceable(`${kernelName}: input '${inputName}' was copied from backend '${tensor.backend.name}'`);
    const dataId = backend.storage.write(source.readSync(tensor.dataId), tensor.dtype);
    // The copy lives as long as the tensor: swap the tensor onto the new backend.
    this.releaseBuffer(tensor.dataId);
    this.retainBuffer(dataId, backend, sizeFromShape(tensor.shape) * bytesPerElement(tensor.dtype));
    tensor.moveTo(dataId, backend);
    return tensor;
  }
}

export const ENGINE = new Engine();
