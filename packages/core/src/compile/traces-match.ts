import type { StepTrace, TracedSource } from './step-trace';

/**
 * Compares two traces of the same step and signature: undefined when a replay of the second would do what a third
 * eager call does, otherwise what differed. Host numbers that change per call (a step counter turned into a
 * constant or an attribute, a new tensor captured each time) show up here, and the step then stays eager.
 */
export function tracesDiffer(first: StepTrace, second: StepTrace): string | undefined {
  if (first.backend !== second.backend) return 'the backend changed between calls';
  if (first.nodes.length !== second.nodes.length) {
    return `the calls ran ${first.nodes.length} and ${second.nodes.length} kernels`;
  }
  if (first.values.length !== second.values.length) return 'the calls made different numbers of tensors';
  for (let index = 0; index < first.values.length; index++) {
    const a = first.values[index];
    const b = second.values[index];
    if (a.dtype !== b.dtype || a.shape.join() !== b.shape.join()) return `tensor ${index} changed shape or dtype`;
    const difference = sourcesDiffer(a.source, b.source);
    if (difference !== undefined) return `tensor ${index}: ${difference}`;
  }
  for (let index = 0; index < first.nodes.length; index++) {
    const a = first.nodes[index];
    const b = second.nodes[index];
    if (a.kernel !== b.kernel) return `kernel ${index} was '${a.kernel}', then '${b.kernel}'`;
    if (JSON.stringify(a.inputs) !== JSON.stringify(b.inputs) || a.outputs.join() !== b.outputs.join()) {
      return `kernel ${index} ('${a.kernel}') read different tensors`;
    }
    if (a.globalRandomWords !== b.globalRandomWords) return `kernel ${index} drew the random stream differently`;
    // A random draw's key and counter change every call by design; the replay draws them afresh.
    const ignore = a.globalRandomWords === undefined ? undefined : ['key', 'counter'];
    if (JSON.stringify(a.attributes, ignoring(ignore)) !== JSON.stringify(b.attributes, ignoring(ignore))) {
      return `kernel ${index} ('${a.kernel}') had different attributes`;
    }
  }
  if (first.outputs.join() !== second.outputs.join()) return 'the calls returned different tensors';
  const checkPlaces = (trace: StepTrace) =>
    trace.checks.map(({ value, beforeNode }) => `${value}@${beforeNode}`).join();
  if (checkPlaces(first) !== checkPlaces(second)) return 'the calls checked different values';
  if (first.assignments.length !== second.assignments.length) return 'the calls assigned different variables';
  for (let index = 0; index < first.assignments.length; index++) {
    const [variableA, valueA] = first.assignments[index];
    const [variableB, valueB] = second.assignments[index];
    if (variableA !== variableB || valueA !== valueB) return 'the calls assigned different variables';
  }
  return undefined;
}

function sourcesDiffer(a: TracedSource, b: TracedSource): string | undefined {
  if (a.kind !== b.kind) return `came from a ${a.kind}, then from a ${b.kind}`;
  if (a.kind === 'argument' && b.kind === 'argument' && a.index !== b.index) return 'came from different arguments';
  if (a.kind === 'variable' && b.kind === 'variable' && a.variable !== b.variable) return 'read different variables';
  if (a.kind === 'captured' && b.kind === 'captured' && a.tensorId !== b.tensorId) {
    return 'a tensor made outside the step differs per call (pass it as an argument)';
  }
  if (a.kind === 'constant' && b.kind === 'constant') {
    const length = a.values.length;
    if (length !== b.values.length) return 'a constant changed size';
    for (let index = 0; index < length; index++) {
      if (!Object.is(a.values[index], b.values[index])) {
        return 'a constant made from host numbers differs per call (pass it as an argument)';
      }
    }
  }
  return undefined;
}

function ignoring(keys: readonly string[] | undefined): ((key: string, value: unknown) => unknown) | undefined {
  if (keys === undefined) return undefined;
  return (key, value) => (keys.includes(key) ? undefined : value);
}
