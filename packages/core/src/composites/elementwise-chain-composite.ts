import { ENGINE } from '../engine/engine';
import { broadcastTo } from '../ops/broadcast-to';
import type { Tensor } from '../tensor';
import { shapesEqual } from '../util/shape';
import type { CompositeFunction } from './composite-registry';

/** The chain's steps as separate unary and binary kernels: the reference the fused kernels must equal. */
export function elementwiseChainComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'elementwiseChain'>>
): Tensor {
  const results: Tensor[] = [...inputs.operands];
  for (const step of attributes.steps) {
    if (step.kind === 'unary') {
      results.push(ENGINE.runKernel('unary', { x: results[step.operands[0]] }, { op: step.op }));
    } else {
      const [a, b] = step.operands;
      results.push(ENGINE.runKernel('binary', { a: results[a], b: results[b] }, { op: step.op }));
    }
  }
  const last = results[results.length - 1];
  // Steps that read only smaller operands give a smaller result; the kernel's result always has `shape`.
  const result = shapesEqual(last.shape, attributes.shape) ? last : broadcastTo(last, attributes.shape);
  for (const intermediate of results.slice(inputs.operands.length)) if (intermediate !== result) intermediate.dispose();
  return result;
}
