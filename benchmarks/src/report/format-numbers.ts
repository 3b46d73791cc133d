/** Milliseconds with three significant digits, switching to seconds where a run takes that long. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds >= 1000) return `${(milliseconds / 1000).toPrecision(3)} s`;
  return `${milliseconds.toPrecision(3)} ms`;
}

/** A speedup or slowdown factor: "2.41×". */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

export function formatGigaflops(floatingPointOperations: number, milliseconds: number): string {
  return (floatingPointOperations / (milliseconds * 1e6)).toFixed(2);
}

/** Small relative differences in scientific notation ("3.1e-7"); exact agreement as "0". */
export function formatDifference(difference: number): string {
  if (difference === 0) return '0';
  if (!Number.isFinite(difference)) return String(difference);
  return difference.toExponential(1);
}

/** Training examples per second: whole numbers from 100 up, three significant digits below. */
export function formatExamplesPerSecond(examples: number, milliseconds: number): string {
  const perSecond = (examples * 1000) / milliseconds;
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toPrecision(3);
}
