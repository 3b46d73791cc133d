import { ENGINE } from '../engine/engine';
import type { DebugOptions, LeakReport } from '../engine/leak-tracker';

/**
 * Development aid: `setDebug({ trackLeaks: true })` records where each tensor is created; tensors that are
 * garbage collected without `dispose()` are reported with that stack, and `liveTensors()` lists the rest.
 */
export function setDebug(options: Partial<DebugOptions>): void {
  ENGINE.leaks.configure(options);
}

/** Tensors still alive that were created while leak tracking was on, with their creation stacks. */
export function liveTensors(): LeakReport[] {
  return ENGINE.leaks.live();
}
