import type { Backend } from '../backend/backend-definition';
import type { DataId, TensorInfo } from '../backend/kernel-specs';
import type { TypedArray } from '../dtype';
import { ENGINE } from '../engine/engine';
import { DisposedTensorError } from '../errors';
import { nextRandomStream } from '../random/random-state';
import type { Tensor } from '../tensor';
import type { Variable } from '../variable';
import { fuseElementwiseChains, type IndexedNode } from './fuse-elementwise-chains';
import type { StepTrace, TracedCheck, TracedNode } from './step-trace';

type KernelFunction = (inputs: Record<string, TensorInfo | TensorInfo[]>, attributes: unknown) => unknown;

interface PlannedNode {
  /** Its position in the trace (checks are placed by it). */
  readonly index: number;
  readonly traced: TracedNode;
  readonly kernel: KernelFunction;
  /** Every value the node reads, once per read (to count down each value's remaining reads). */
  readonly reads: readonly number[];
}

/**
 * A trace turned into straight-line kernel calls on one backend: no tape, no `Tensor` objects and no scopes while
 * it runs. Each intermediate buffer is freed right after its last reader (buffers of the CPU backend go back to its
 * pool, so the next replay reuses the same memory); only the returned values become tensors, and assigned
 * variables are pointed at their new buffers at the end. Kernels whose results nothing reads are left out, except
 * random draws, which still advance the global stream as the eager call would.
 */
export class ReplayPlan {
  readonly kernelCount: number;
  private readonly nodes: PlannedNode[];
  /** For each value: reads by kernels, plus one when it is returned or assigned (those are never freed). */
  private readonly readCounts: Int32Array;
  private readonly checks: TracedCheck[];

  /** Element-wise chains merged into one kernel each (0 when the backend lacks `elementwiseChain`). */
  readonly fusedChains: number;

  constructor(
    readonly trace: StepTrace,
    options: { fuseElementwise: boolean },
    private readonly backend: Backend = trace.backend,
  ) {
    const live = liveNodes(trace);
    let indexed: IndexedNode[] = trace.nodes
      .map((traced, index) => ({ traced, index }))
      .filter(({ index }) => live[index]);
    const kernels = backend.kernels as unknown as Record<string, KernelFunction | undefined>;
    const fused = options.fuseElementwise && kernels.elementwiseChain !== undefined;
    if (fused) indexed = fuseElementwiseChains(indexed, trace.values, this.countReads(indexed));
    this.fusedChains = fused ? indexed.filter(({ traced }) => traced.kernel === 'elementwiseChain').length : 0;
    this.nodes = indexed.map(({ traced, index }) => ({
      index,
      traced,
      kernel: kernels[traced.kernel] as KernelFunction,
      reads: traced.inputs.flatMap(([, value]) => (typeof value === 'number' ? [value] : [...value])),
    }));
    this.kernelCount = this.nodes.length;
    this.readCounts = this.countReads(indexed);
    this.checks = [...trace.checks].sort((a, b) => a.beforeNode - b.beforeNode);
  }

  /** Reads of each value by `nodes`, plus one for each return, assignment and check. */
  private countReads(nodes: readonly IndexedNode[]): Int32Array {
    const { trace } = this;
    const counts = new Int32Array(trace.values.length);
    for (const { traced } of nodes) {
      for (const [, value] of traced.inputs) {
        if (typeof value === 'number') counts[value]++;
        else for (const item of value) counts[item]++;
      }
    }
    for (const value of trace.outputs) counts[value]++;
    for (const [, value] of trace.assignments) counts[value]++;
    for (const { value } of trace.checks) counts[value]++;
    return counts;
  }

  /** Runs the step on `arguments_`; returns the outputs as new tensors in the current scope. */
  run(arguments_: readonly Tensor[]): Tensor[] {
    const { trace, backend } = this;
    const infos: Array<TensorInfo | undefined> = new Array(trace.values.length);
    // Buffers the step does not own: never freed here, whatever reads them.
    const external = new Set<DataId>();
    trace.values.forEach((value, index) => {
      const source = value.source;
      let info: TensorInfo | undefined;
      if (source.kind === 'argument') info = arguments_[source.index];
      else if (source.kind === 'variable') info = variableInfo(source.variable);
      else if (source.kind === 'constant' || source.kind === 'captured') info = source.info;
      if (info !== undefined) {
        infos[index] = info;
        external.add(info.dataId);
      }
    });
    const remaining = this.readCounts.slice();
    const holders = new Map<DataId, number>();
    const release = (dataId: DataId, count: number) => {
      if (external.has(dataId)) return;
      const left = (holders.get(dataId) ?? 0) - count;
      if (left > 0) holders.set(dataId, left);
      else {
        holders.delete(dataId);
        backend.storage.dispose(dataId);
      }
    };
    let nextCheck = 0;
    // Validations recorded by `checkValues` run where the eager call ran them, on this call's values.
    const runChecksBefore = (nodeIndex: number) => {
      while (nextCheck < this.checks.length && this.checks[nextCheck].beforeNode <= nodeIndex) {
        const { value, check } = this.checks[nextCheck++];
        const dataId = (infos[value] as TensorInfo).dataId;
        check((backend.storage.readSync as (dataId: DataId) => TypedArray)(dataId));
        remaining[value]--;
        release(dataId, 1);
      }
    };
    try {
      for (const { index, traced, kernel, reads } of this.nodes) {
        runChecksBefore(index);
        const inputs: Record<string, TensorInfo | TensorInfo[]> = {};
        for (const [name, value] of traced.inputs) {
          inputs[name] =
            typeof value === 'number' ? (infos[value] as TensorInfo) : value.map((item) => infos[item] as TensorInfo);
        }
        const attributes =
          traced.globalRandomWords === undefined
            ? traced.attributes
            : { ...(traced.attributes as object), ...nextRandomStream(traced.globalRandomWords) };
        const result = kernel(inputs, attributes);
        const produced = (Array.isArray(result) ? result : [result]) as TensorInfo[];
        traced.outputs.forEach((value, position) => {
          const info = produced[position];
          infos[value] = info;
          // A kernel may hand back an input's buffer (reshape does): count holders per buffer, not per value.
          if (!external.has(info.dataId)) holders.set(info.dataId, (holders.get(info.dataId) ?? 0) + remaining[value]);
          if (remaining[value] === 0) release(info.dataId, 0);
        });
        for (const value of reads) {
          remaining[value]--;
          release((infos[value] as TensorInfo).dataId, 1);
        }
      }
      runChecksBefore(Number.POSITIVE_INFINITY);
    } catch (error) {
      // A failed check (or kernel) leaves the variables as they were; the buffers made so far are freed.
      for (const dataId of holders.keys()) backend.storage.dispose(dataId);
      throw error;
    }
    for (const [variable, value] of trace.assignments) {
      variable.replaceBuffer((infos[value] as TensorInfo).dataId, backend);
    }
    return trace.outputs.map((value) => ENGINE.makeTensorFromInfo(infos[value] as TensorInfo, backend));
  }
}

function variableInfo(variable: Variable): TensorInfo {
  if (variable.isDisposed) {
    throw new DisposedTensorError(`compileStep: variable '${variable.name}' was disposed after the step was traced`);
  }
  return variable;
}

/** Which nodes matter: those whose outputs are read on the way to a result or an assignment, and random draws. */
function liveNodes(trace: StepTrace): boolean[] {
  const needed = new Set<number>([
    ...trace.outputs,
    ...trace.assignments.map(([, value]) => value),
    ...trace.checks.map(({ value }) => value),
  ]);
  const live = new Array<boolean>(trace.nodes.length).fill(false);
  for (let index = trace.nodes.length - 1; index >= 0; index--) {
    const node = trace.nodes[index];
    if (!node.outputs.some((value) => needed.has(value)) && node.kernel !== 'randomBits') continue;
    live[index] = true;
    for (const [, value] of node.inputs) {
      if (typeof value === 'number') needed.add(value);
      else for (const item of value) needed.add(item);
    }
  }
  return live;
}
