/**
 * How long to measure one cell (one case on one framework). The defaults aim at a stable median on a busy 2-core
 * machine while keeping the whole bench within a few minutes.
 */
export interface TimingPolicy {
  /**
   * The timed runs of a case are spread over this many rounds, each round visiting every framework in turn. When
   * other processes compete for the CPU (a shared machine), the slowdown then falls on all frameworks alike instead of
   * on whichever happened to be measured at the time, which keeps the speedup ratios stable.
   */
  rounds: number;
  /** Untimed runs first: they let V8 optimise the hot loops and let each framework allocate its buffers. */
  warmupRuns: number;
  /** Keep measuring until the timed runs add up to this much... */
  targetSeconds: number;
  /** ...and until at least this many runs were timed, so that the median means something. */
  minimumRuns: number;
  /** Fast cases stop here, so that a sub-millisecond case does not run thousands of times. */
  maximumRuns: number;
  /**
   * The most wall time one cell may take, warm-ups included. A slow cell (tfjs-cpu's conv2d takes seconds per run)
   * stops early, with at least one timed run per round, instead of holding up the whole bench.
   */
  cellBudgetSeconds: number;
  /**
   * A first run at least this slow is timed instead of discarded as a warm-up: the JIT's compile time is milliseconds
   * against seconds of work, and repeating a 15-second run (tfjs-cpu's conv2d) only to throw it away would waste the
   * cell's budget.
   */
  slowRunSeconds: number;
}

export const defaultTimingPolicy: TimingPolicy = {
  rounds: 3,
  warmupRuns: 2,
  targetSeconds: 1.5,
  minimumRuns: 6,
  maximumRuns: 60,
  cellBudgetSeconds: 20,
  slowRunSeconds: 5,
};
