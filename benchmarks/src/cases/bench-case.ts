import type { FrameworkName, PreparedRun } from '../frameworks/framework';
import type { TimingPolicy } from '../timing/timing-policy';

/** Performance goals from the issues, checked against the measured speedups over tfjs's cpu and wasm backends. */
export interface SpeedupTarget {
  minimumSpeedupOverTfjsCpu?: number;
  minimumSpeedupOverTfjsWasm?: number;
  /** Tessera's time at most this fraction of jax-js's (issue 7: 0.8 on the MLP epoch). */
  maximumTimeRatioToJaxJs?: number;
}

/**
 * A smaller version of a case for frameworks that would need minutes per run on the full one. Its cost must be a
 * known fraction of the full case's (same kernels on fewer independent samples), so that the full time can be
 * extrapolated; the report marks such times as estimates.
 */
export interface ScaledDownCase {
  frameworks: readonly FrameworkName[];
  /** The full case does this many times the work: the measured median is multiplied by it. */
  workRatio: number;
  /** What was run instead, for the table: "batch 4". */
  description: string;
  /** For the report's notes: what exactly ran and what the agreement check can compare. */
  explanation: string;
  prepareTfjs(): PreparedRun;
  /**
   * The outputs that the full and the smaller case share, for the agreement check; applied to both, so it must
   * return the same part of the full case's outputs as of the smaller case's.
   */
  comparableOutputs(outputs: Float32Array[]): Float32Array[];
}

/** One benchmark: the same computation written once for Tessera and once for tfjs (cpu and wasm share the code). */
export interface BenchCase {
  name: string;
  /** Floating-point operations per run, when the case has a standard count (matmul: 2n³); used for GFLOP/s. */
  floatingPointOperations?: number;
  /** Training examples per run, for cases whose speed is a throughput (the CNN): reported as examples/s. */
  examplesPerRun?: number;
  target?: SpeedupTarget;
  /** tfjs wasm runs it only with the bench's fill-ins for its missing kernels (frameworks/tfjs-wasm-fill-ins.ts). */
  usesTfjsWasmFillIns?: boolean;
  /** Overrides of the default timing policy, e.g. a tighter budget for cases that are slow on tfjs-cpu. */
  timing?: Partial<TimingPolicy>;
  prepareTessera(): PreparedRun;
  /** Creates the inputs on whichever tfjs backend is active. */
  prepareTfjs(): PreparedRun;
  /** The same computation in jax-js (its wasm device, under `jit`), where the case has one. */
  prepareJaxJs?(): PreparedRun;
  scaledDown?: ScaledDownCase;
}
