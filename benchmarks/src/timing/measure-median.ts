/**
 * How long to measure one cell (one case on one framework). The defaults aim at a stable median on a busy 2-core
 * machine while keeping the whole bench within a few minutes.
 */
export interface TimingPolicy {
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
   * stops early, with at least one timed run, instead of holding up the whole bench.
   */
  cellBudgetSeconds: number;
  /**
   * A first run at least this slow is timed instead of discarded as a warm-up: the JIT's compile time is milliseconds
   * against seconds of work, and repeating a 30-second run (tfjs-cpu's conv2d) only to throw it away would double the
   * cell's cost.
   */
  slowRunSeconds: number;
}

export const defaultTimingPolicy: TimingPolicy = {
  warmupRuns: 2,
  targetSeconds: 1.5,
  minimumRuns: 5,
  maximumRuns: 60,
  cellBudgetSeconds: 20,
  slowRunSeconds: 5,
};

export interface Measurement<Output> {
  medianMilliseconds: number;
  timedRuns: number;
  /** True when the first run was slow enough to count as a timed run (see `TimingPolicy.slowRunSeconds`). */
  firstRunTimed: boolean;
  /** What the first run returned: every framework starts from the same inputs, so first outputs are comparable. */
  firstOutput: Output;
}

/**
 * Times `runOnce` repeatedly and reports the median. `runOnce` must return only after the work is finished (read the
 * result back), otherwise an asynchronous backend would be timed on queueing work rather than doing it.
 */
export function measureMedian<Output>(
  runOnce: () => Output,
  policy: TimingPolicy = defaultTimingPolicy,
): Measurement<Output> {
  const cellStart = performance.now();
  const elapsedSeconds = () => (performance.now() - cellStart) / 1000;

  let runStart = performance.now();
  const firstOutput = runOnce();
  let latestRunSeconds = (performance.now() - runStart) / 1000;
  const durations: number[] = [];
  const firstRunTimed = latestRunSeconds >= policy.slowRunSeconds;
  if (firstRunTimed) durations.push(latestRunSeconds * 1000);

  // Warm-ups that already took longer than the target have warmed the code up; more would only cost time.
  const warmupsLeft = firstRunTimed ? 0 : policy.warmupRuns - 1;
  for (let warmup = 0; warmup < warmupsLeft && elapsedSeconds() < policy.targetSeconds; warmup++) {
    runStart = performance.now();
    runOnce();
    latestRunSeconds = (performance.now() - runStart) / 1000;
  }

  let timedSeconds = firstRunTimed ? latestRunSeconds : 0;
  while (durations.length < policy.maximumRuns) {
    const enoughRuns = durations.length >= policy.minimumRuns && timedSeconds >= policy.targetSeconds;
    const outOfBudget = durations.length >= 1 && elapsedSeconds() + latestRunSeconds > policy.cellBudgetSeconds;
    if (enoughRuns || outOfBudget) break;
    runStart = performance.now();
    runOnce();
    const runMilliseconds = performance.now() - runStart;
    durations.push(runMilliseconds);
    latestRunSeconds = runMilliseconds / 1000;
    timedSeconds += latestRunSeconds;
  }
  return { medianMilliseconds: median(durations), timedRuns: durations.length, firstRunTimed, firstOutput };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
