import type { KernelName } from '../backend/kernel-specs';
import type { TypedArray } from '../dtype';
import { ENGINE } from '../engine/engine';
import type { KernelTracer } from '../engine/kernel-tracer';
import type { Tensor } from '../tensor';
import { Variable } from '../variable';
import type { StepTrace, TracedCheck, TracedNode, TracedSource, TracedValue } from './step-trace';

/**
 * Records one eager call of a step (see `compileStep`). Tensors are mapped to value numbers by identity; a tensor
 * the trace has not seen is a variable (read at replay time), or a tensor made before the step (captured by
 * reference, which is safe because tensors are immutable; a second trace catches one that changes per call).
 * Constants and captured tensors keep their buffers until `release()`, so a replay can read them.
 */
export class TraceRecorder implements KernelTracer {
  private readonly values: TracedValue[] = [];
  private readonly nodes: TracedNode[] = [];
  private readonly valueOf = new Map<Tensor, number>();
  private readonly assignments = new Map<Variable, number>();
  private readonly checks: TracedCheck[] = [];
  private readonly retained: Tensor[] = [];
  private pendingRandomWords: number | undefined;
  private reason: string | undefined;

  constructor(arguments_: readonly Tensor[]) {
    arguments_.forEach((tensor, index) => {
      // The same tensor passed twice is two arguments; its first position is the one the trace reads.
      if (!this.valueOf.has(tensor)) this.valueOf.set(tensor, this.addValue(tensor, { kind: 'argument', index }));
    });
  }

  kernel(
    name: KernelName,
    inputs: Readonly<Record<string, Tensor | Tensor[]>>,
    attributes: unknown,
    outputs: readonly Tensor[],
  ): void {
    const tracedInputs = Object.entries(inputs).map(
      ([inputName, value]) =>
        [
          inputName,
          Array.isArray(value) ? value.map((tensor) => this.valueFor(tensor)) : this.valueFor(value),
        ] as const,
    );
    const node = this.nodes.length;
    const tracedNode: TracedNode = {
      kernel: name,
      inputs: tracedInputs,
      attributes,
      outputs: outputs.map((tensor, output) => {
        const value = this.addValue(tensor, { kind: 'node', node, output });
        this.valueOf.set(tensor, value);
        return value;
      }),
    };
    if (name === 'randomBits' && this.pendingRandomWords !== undefined) {
      this.nodes.push({ ...tracedNode, globalRandomWords: this.pendingRandomWords });
      this.pendingRandomWords = undefined;
    } else this.nodes.push(tracedNode);
  }

  constant(tensor: Tensor, values: TypedArray): void {
    this.retain(tensor);
    const info = { dataId: tensor.dataId, shape: tensor.shape, dtype: tensor.dtype };
    this.valueOf.set(tensor, this.addValue(tensor, { kind: 'constant', info, values: values.slice() }));
  }

  assign(variable: Tensor, value: Tensor): void {
    const valueNumber = this.valueFor(value);
    this.valueOf.set(variable, valueNumber);
    this.assignments.set(variable as Variable, valueNumber);
  }

  hostCheck(tensor: Tensor, check: (values: TypedArray) => void): void {
    this.checks.push({ value: this.valueFor(tensor), beforeNode: this.nodes.length, check });
  }

  globalRandomDraw(count: number): void {
    this.pendingRandomWords = count;
  }

  untraceable(reason: string): void {
    this.reason ??= reason;
  }

  /** The trace of the call, given what it returned. */
  finish(outputs: readonly Tensor[]): StepTrace {
    const outputValues = outputs.map((tensor) => this.valueFor(tensor));
    const returned = new Set(outputs);
    // A tensor kept past the step's tidy without being returned would not exist in a replay.
    for (const [tensor, value] of this.valueOf) {
      const source = this.values[value].source.kind;
      if (source === 'node' && !tensor.isDisposed && !returned.has(tensor) && !(tensor instanceof Variable)) {
        this.untraceable(`tensor #${tensor.id} outlived the step without being returned (keep it by returning it)`);
        break;
      }
    }
    return {
      backend: ENGINE.backend,
      values: this.values,
      nodes: this.nodes,
      outputs: outputValues,
      checks: this.checks,
      assignments: [...this.assignments],
      untraceable: this.reason,
    };
  }

  /** Gives back the buffers of constants and captured tensors. */
  release(): void {
    for (const tensor of this.retained) ENGINE.releaseBuffer(tensor.dataId);
    this.retained.length = 0;
  }

  private valueFor(tensor: Tensor): number {
    const known = this.valueOf.get(tensor);
    if (known !== undefined) return known;
    let source: TracedSource;
    if (tensor instanceof Variable) source = { kind: 'variable', variable: tensor };
    else {
      this.retain(tensor);
      source = {
        kind: 'captured',
        info: { dataId: tensor.dataId, shape: tensor.shape, dtype: tensor.dtype },
        tensorId: tensor.id,
      };
    }
    const value = this.addValue(tensor, source);
    this.valueOf.set(tensor, value);
    return value;
  }

  private retain(tensor: Tensor): void {
    ENGINE.retainBuffer(tensor.dataId, tensor.backend, 0);
    this.retained.push(tensor);
  }

  private addValue(tensor: Tensor, source: TracedSource): number {
    this.values.push({ shape: [...tensor.shape], dtype: tensor.dtype, source });
    return this.values.length - 1;
  }
}
