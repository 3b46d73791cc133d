import type { TimingPolicy } from './timing-policy';

/**
 * Times one cell over several rounds and reports the median run. `runOnce` must return only after the work is
 * finished (read the result back), otherwise an asynchronous backend would be timed on queueing work, not doing it.
 */
export class CellTimer<Output> {
  private readonly durations: number[] = [];
  private timedSeconds = 0;
  /** Wall time spent on this cell so far, warm-ups included: what the cell budget limits. */
  private spentSeconds = 0;
  private latestRunSeconds = 0;
  private warmedUp = false;
  private output: Output | undefined;
  private slowFirstRun = false;

  constructor(
    private readonly runOnce: () => Output | Promise<Output>,
    private readonly policy: TimingPolicy,
  ) {}

  /** Round `round` (0-based) of `policy.rounds`: warm-up first if needed, then this round's share of the runs. */
  async runRound(round: number): Promise<void> {
    if (!this.warmedUp) await this.warmUp();
    // Each round aims at its share of the totals, so the runs spread evenly whatever the frameworks' speeds.
    const share = (round + 1) / this.policy.rounds;
    const minimumRuns = Math.ceil(this.policy.minimumRuns * share);
    const maximumRuns = Math.ceil(this.policy.maximumRuns * share);
    const targetSeconds = this.policy.targetSeconds * share;
    const budgetSeconds = this.policy.cellBudgetSeconds * share;
    let runsThisRound = 0;
    while (this.durations.length < maximumRuns) {
      const enoughRuns = this.durations.length >= minimumRuns && this.timedSeconds >= targetSeconds;
      const outOfBudget = runsThisRound >= 1 && this.spentSeconds + this.latestRunSeconds > budgetSeconds;
      if (enoughRuns || outOfBudget) break;
      this.durations.push((await this.timeOneRun()) * 1000);
      this.timedSeconds += this.latestRunSeconds;
      runsThisRound++;
    }
  }

  get timedRuns(): number {
    return this.durations.length;
  }

  /** True when the first run was slow enough to count as a timed run (see `TimingPolicy.slowRunSeconds`). */
  get firstRunTimed(): boolean {
    return this.slowFirstRun;
  }

  /** What the first run returned: every framework starts from the same inputs, so first outputs are comparable. */
  get firstOutput(): Output {
    if (!this.warmedUp) throw new Error('CellTimer: no run yet');
    return this.output as Output;
  }

  medianMilliseconds(): number {
    const sorted = [...this.durations].sort((left, right) => left - right);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * The first run, plus more untimed runs where it was quick. Called by `runRound` when needed; calling it first lets
   * the harness tell what the first run keeps alive on purpose (optimizer slots, lazily built weights) from leaks.
   */
  async warmUp(): Promise<void> {
    if (this.warmedUp) return;
    const runStart = performance.now();
    this.output = await this.runOnce();
    this.latestRunSeconds = (performance.now() - runStart) / 1000;
    this.spentSeconds += this.latestRunSeconds;
    this.warmedUp = true;
    if (this.latestRunSeconds >= this.policy.slowRunSeconds) {
      this.slowFirstRun = true;
      this.durations.push(this.latestRunSeconds * 1000);
      this.timedSeconds += this.latestRunSeconds;
      return;
    }
    // Warm-ups that already took longer than the target have warmed the code up; more would only cost time.
    for (let warmup = 1; warmup < this.policy.warmupRuns && this.spentSeconds < this.policy.targetSeconds; warmup++) {
      await this.timeOneRun();
    }
  }

  private async timeOneRun(): Promise<number> {
    const runStart = performance.now();
    await this.runOnce();
    this.latestRunSeconds = (performance.now() - runStart) / 1000;
    this.spentSeconds += this.latestRunSeconds;
    return this.latestRunSeconds;
  }
}
