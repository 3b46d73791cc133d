import type { PreparedRun } from '../frameworks/framework';
import type { TimingPolicy } from '../timing/measure-median';

/** A performance goal from the issue, checked against the measured speedup over tfjs's cpu backend. */
export interface SpeedupTarget {
  minimumSpeedupOverTfjsCpu: number;
}

/** One benchmark: the same computation written once for Tessera and once for tfjs (cpu and wasm share the code). */
export interface BenchCase {
  name: string;
  /** Floating-point operations per run, when the case has a standard count (matmul: 2n³); used for GFLOP/s. */
  floatingPointOperations?: number;
  target?: SpeedupTarget;
  /** Overrides of the default timing policy, e.g. a tighter budget for cases that are slow on tfjs-cpu. */
  timing?: Partial<TimingPolicy>;
  prepareTessera(): PreparedRun;
  /** Creates the inputs on whichever tfjs backend is active. */
  prepareTfjs(): PreparedRun;
}
