import type { KernelName } from '@tessera/core/backend';
import type { BackendSession } from './backend-session';

/** The parts of a backend the kit checks besides its kernels. */
export type CheckArea = 'kernels' | 'gradients' | 'memory' | 'reads' | 'random';

/** One check: a test in `describeBackend`, a result in `checkBackend`. Throws an Error on failure. */
export interface BackendCheck {
  area: CheckArea;
  /** For kernel checks: the kernel the check must reach on a backend that implements it. */
  kernel?: KernelName;
  title: string;
  run(session: BackendSession): Promise<void>;
}

/** How one check ended; 'fallback' is a pass through core's composite for an optional kernel the backend lacks. */
export type CheckStatus = 'pass' | 'fallback' | 'skip' | 'fail';

export interface CheckOutcome {
  check: BackendCheck;
  status: CheckStatus;
  /** The skip reason or the failure message. */
  message?: string;
  error?: unknown;
}
