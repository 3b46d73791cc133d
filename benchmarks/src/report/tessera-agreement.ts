import type { FrameworkName } from '../frameworks/framework';
import type { CaseResult } from '../run-case';
import { maximumRelativeDifference } from './output-difference';

/**
 * How far Tessera's (or another framework's) first outputs are from tfjs-cpu's (see maximumRelativeDifference), or
 * undefined when either did not run. Where tfjs-cpu ran the scaled-down case, only the outputs both sizes share are
 * compared.
 */
export function tesseraDifferenceFromTfjsCpu(
  { benchCase, cells }: CaseResult,
  framework: FrameworkName = 'tessera',
): number | undefined {
  const tessera = cells[framework];
  const tfjsCpu = cells['tfjs-cpu'];
  if (tessera.kind !== 'measured' || tfjsCpu.kind !== 'measured') return undefined;
  if (!tfjsCpu.extrapolation || !benchCase.scaledDown) {
    return maximumRelativeDifference(tessera.firstOutput, tfjsCpu.firstOutput);
  }
  const { comparableOutputs } = benchCase.scaledDown;
  const tesseraPart = comparableOutputs(tessera.firstOutput);
  // A scaled-down case may share no output with the full one: then there is nothing to compare, not a perfect match.
  if (tesseraPart.length === 0) return undefined;
  return maximumRelativeDifference(tesseraPart, comparableOutputs(tfjsCpu.firstOutput));
}
