import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { Tensor } from '../tensor';
import { ReplayPlan } from './replay-plan';
import type { StepTrace } from './step-trace';
import { TraceRecorder } from './trace-recorder';
import { tracesDiffer } from './traces-match';

/** How a compiled step runs calls of one input signature (backend, shapes and dtypes of the arguments). */
export interface CompiledSignature {
  readonly signature: string;
  /** `tracing` for the first two calls, then `compiled` (replays) or `eager` (with `reason`). */
  readonly mode: 'tracing' | 'compiled' | 'eager';
  readonly reason?: string;
  /** Kernels one replay runs. */
  readonly kernels?: number;
  /** Of those, fused element-wise chains. */
  readonly fusedChains?: number;
  readonly calls: number;
}

export interface CompileStepOptions {
  /**
   * Merge runs of element-wise kernels into one `elementwiseChain` kernel each where the backend has it (default
   * true). Results stay bit-identical; false is for comparing.
   */
  fuseElementwise?: boolean;
}

/** A step function that traces itself per input signature and then replays the trace. */
export interface CompiledStep<Args extends Tensor[], Result extends Tensor | Tensor[]> {
  (...args: Args): Result;
  /** One entry per input signature seen so far. */
  signatures(): CompiledSignature[];
  /** Frees the buffers the traces hold (constants made inside the step); later calls trace again. */
  dispose(): void;
}

interface SignatureState {
  mode: 'tracing' | 'compiled' | 'eager';
  reason?: string;
  calls: number;
  first?: { trace: StepTrace; recorder: TraceRecorder };
  plan?: ReplayPlan;
  recorder?: TraceRecorder;
  returnsArray?: boolean;
}

/**
 * Compiles a step function — typically forward, loss, gradients and an update of variables — by tracing it.
 *
 * The first two calls with a new input signature run eagerly while every kernel, constant and variable assignment
 * is recorded; when both traces agree, later calls replay the recorded kernels directly on the backend: no autograd
 * tape, no intermediate `Tensor` objects, no scopes, and each intermediate buffer freed right after its last reader.
 * Results equal eager execution (the same kernels run in the same order), and unseeded random ops draw fresh
 * numbers from the global stream on every replay exactly as eager calls would.
 *
 * The contract: everything that changes from call to call must be an argument, a `Variable` (read when the call
 * starts; `assign` updates it), or the global random stream. The step stays eager for a signature, with the reason
 * in `signatures()`, when it reads values back (`data`, `dataSync`), keeps a tensor without returning it, or when
 * its two traces differ (a host number that changes per call became a constant or an attribute, a different tensor
 * made outside the step was read). Calls made while a gradient is being recorded, or inside another step's trace,
 * run eagerly so that they can be differentiated and traced themselves.
 *
 * Results are new tensors in the caller's scope, like the results of `tidy`.
 */
export function compileStep<Args extends Tensor[], Result extends Tensor | Tensor[]>(
  step: (...args: Args) => Result,
  options: CompileStepOptions = {},
): CompiledStep<Args, Result> {
  if (typeof step !== 'function') throw new InvalidArgumentError('compileStep: expected a function');
  const fuseElementwise = options.fuseElementwise ?? true;
  if (typeof fuseElementwise !== 'boolean') {
    throw new InvalidArgumentError(`compileStep: fuseElementwise must be a boolean, got ${String(fuseElementwise)}`);
  }
  const states = new Map<string, SignatureState>();

  const compiled = ((...args: Args): Result => {
    args.forEach((argument, index) => {
      if (!(argument instanceof Tensor)) {
        throw new InvalidArgumentError(`compileStep: argument ${index} must be a Tensor, got ${typeof argument}`);
      }
      argument.assertAlive(`compileStep (argument ${index})`);
    });
    if (ENGINE.tracer !== undefined || ENGINE.isRecording()) return runEagerly(step, args);
    const key = signatureOf(args);
    let state = states.get(key);
    if (state === undefined) {
      state = { mode: 'tracing', calls: 0 };
      states.set(key, state);
    }
    state.calls++;
    if (state.mode === 'eager') return runEagerly(step, args);
    if (state.plan !== undefined) {
      const outputs = state.plan.run(args);
      return (state.returnsArray ? outputs : outputs[0]) as Result;
    }
    return traceCall(step, args, state, fuseElementwise);
  }) as CompiledStep<Args, Result>;

  compiled.signatures = () =>
    [...states].map(([signature, state]) => ({
      signature,
      mode: state.mode,
      reason: state.reason,
      kernels: state.plan?.kernelCount,
      fusedChains: state.plan?.fusedChains,
      calls: state.calls,
    }));
  compiled.dispose = () => {
    for (const state of states.values()) {
      state.first?.recorder.release();
      state.recorder?.release();
    }
    states.clear();
  };
  return compiled;
}

function signatureOf(args: readonly Tensor[]): string {
  return `${ENGINE.backend.name}|${args.map((tensor) => `${tensor.dtype}[${tensor.shape.join(',')}]`).join(' ')}`;
}

function runEagerly<Args extends Tensor[], Result extends Tensor | Tensor[]>(
  step: (...args: Args) => Result,
  args: Args,
): Result {
  const result = tidy(() => step(...args));
  assertResult(result);
  return result;
}

/** Runs the step eagerly under a recorder; on the second agreeing trace the signature gets its replay plan. */
function traceCall<Args extends Tensor[], Result extends Tensor | Tensor[]>(
  step: (...args: Args) => Result,
  args: Args,
  state: SignatureState,
  fuseElementwise: boolean,
): Result {
  const recorder = new TraceRecorder(args);
  ENGINE.tracer = recorder;
  let result: Result;
  try {
    result = tidy(() => step(...args));
  } catch (error) {
    recorder.release();
    throw error;
  } finally {
    ENGINE.tracer = undefined;
  }
  assertResult(result);
  const trace = recorder.finish(Array.isArray(result) ? result : [result]);
  const settle = (mode: 'eager' | 'compiled', reason?: string) => {
    state.first?.recorder.release();
    state.first = undefined;
    state.mode = mode;
    state.reason = reason;
  };
  if (trace.untraceable !== undefined) {
    recorder.release();
    settle('eager', trace.untraceable);
  } else if (state.first === undefined) {
    state.first = { trace, recorder };
  } else {
    const difference = tracesDiffer(state.first.trace, trace);
    if (difference !== undefined) {
      recorder.release();
      settle('eager', difference);
    } else {
      settle('compiled');
      state.recorder = recorder;
      state.plan = new ReplayPlan(trace, { fuseElementwise });
      state.returnsArray = Array.isArray(result);
    }
  }
  return result;
}

function assertResult(result: unknown): asserts result is Tensor | Tensor[] {
  const valid =
    result instanceof Tensor || (Array.isArray(result) && result.every((element) => element instanceof Tensor));
  if (!valid) throw new InvalidArgumentError('compileStep: the step must return a Tensor or an array of Tensors');
}
