import type { Tensor } from '../tensor';

export interface LeakReport {
  id: number;
  shape: number[];
  dtype: string;
  /** Where the tensor was created. */
  stack: string;
}

export interface DebugOptions {
  /** Record a creation stack for every tensor; `liveTensors()` and leak reports show it. Slow: for development. */
  trackLeaks: boolean;
  /** Called with each tensor that was garbage collected without being disposed (default: console.warn). */
  onLeak?: (report: LeakReport) => void;
}

/**
 * In debug mode, remembers where each live tensor was made. A `FinalizationRegistry` notices tensors that were
 * dropped without `dispose()` (their buffers would never be freed on a GPU) and reports them with that stack.
 */
export class LeakTracker {
  private options: DebugOptions = { trackLeaks: false };
  private readonly reports = new Map<number, LeakReport>();
  private readonly finalization =
    typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<number>((id) => this.collected(id)) : null;

  configure(options: Partial<DebugOptions>): void {
    this.options = { ...this.options, ...options };
    if (!this.options.trackLeaks) this.reports.clear();
  }

  get enabled(): boolean {
    return this.options.trackLeaks;
  }

  register(tensor: Tensor): void {
    if (!this.options.trackLeaks) return;
    // Ops built from other ops use up V8's default ten frames before the caller's code appears.
    const previousLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 64;
    const stack = (new Error().stack ?? '').split('\n').slice(3).join('\n');
    Error.stackTraceLimit = previousLimit;
    this.reports.set(tensor.id, { id: tensor.id, shape: [...tensor.shape], dtype: tensor.dtype, stack });
    this.finalization?.register(tensor, tensor.id, tensor);
  }

  unregister(tensor: Tensor): void {
    if (this.reports.delete(tensor.id)) this.finalization?.unregister(tensor);
  }

  /** Live tensors created while tracking was on, oldest first. */
  live(): LeakReport[] {
    return [...this.reports.values()];
  }

  private collected(id: number): void {
    const report = this.reports.get(id);
    if (!report) return;
    this.reports.delete(id);
    const onLeak =
      this.options.onLeak ??
      ((leak: LeakReport) =>
        console.warn(
          `tessera: tensor #${leak.id} ${JSON.stringify(leak.shape)} ${leak.dtype} was never disposed; created at\n${leak.stack}`,
        ));
    onLeak(report);
  }
}
