import type { ElementwiseStep, UnaryOp } from '../backend/kernel-specs';
import { chainOperandLayout } from '../util/chain-operand-layout';
import type { TracedNode, TracedValue } from './step-trace';

/** A node of the plan with its position in the trace. */
export interface IndexedNode {
  readonly index: number;
  readonly traced: TracedNode;
}

const BOOL_RESULTS: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['isNaN', 'isFinite', 'logicalNot']);

interface Chain {
  readonly shapeKey: string;
  readonly shape: readonly number[];
  readonly operands: number[];
  readonly steps: ElementwiseStep[];
  /** The value the last step produces. */
  root: number;
  last: number;
  length: number;
}

/**
 * Merges runs of float32 unary and binary kernels into `elementwiseChain` nodes. A kernel joins the chain whose
 * result it reads when nothing else reads that result (so no intermediate is needed outside the chain) and it has
 * the chain's shape; every other operand must line up with the shape as the kernel allows (same size, one element,
 * or repeated trailing dimensions). A chain runs where its last kernel ran, so its outside operands exist by then.
 * `readCounts` counts every read of each value (kernels, results, assignments, checks).
 */
export function fuseElementwiseChains(
  nodes: readonly IndexedNode[],
  values: readonly TracedValue[],
  readCounts: Int32Array,
): IndexedNode[] {
  const chainByRoot = new Map<number, Chain>();
  const chainOf = new Map<IndexedNode, Chain>();
  for (const node of nodes) {
    const operandValues = chainOperands(node.traced, values);
    if (operandValues === undefined) continue;
    const output = node.traced.outputs[0];
    const shape = values[output].shape;
    const shapeKey = shape.join(',');
    const joined = operandValues
      .map((value) => chainByRoot.get(value))
      .find(
        (chain, position) =>
          chain !== undefined && chain.shapeKey === shapeKey && readCounts[operandValues[position]] === 1,
      );
    const outside = operandValues.filter((value) => joined === undefined || value !== joined.root);
    if (!outside.every((value) => chainOperandLayout(values[value].shape, shape) !== undefined)) continue;
    const chain: Chain = joined ?? { shapeKey, shape, operands: [], steps: [], root: -1, last: -1, length: 0 };
    for (const value of outside) {
      if (chain.operands.includes(value)) continue;
      // Operand numbers past the inputs name step results: a new input shifts them by one.
      const position = chain.operands.length;
      chain.operands.push(value);
      for (const step of chain.steps) {
        step.operands = step.operands.map((operand) => (operand >= position ? operand + 1 : operand)) as never;
      }
    }
    const operands = operandValues.map((value) =>
      joined !== undefined && value === chain.root
        ? chain.operands.length + chain.steps.length - 1
        : chain.operands.indexOf(value),
    );
    const { op } = node.traced.attributes as { op: never };
    chain.steps.push(
      node.traced.kernel === 'unary'
        ? { kind: 'unary', op, operands: [operands[0]] }
        : { kind: 'binary', op, operands: [operands[0], operands[1]] },
    );
    if (joined !== undefined) chainByRoot.delete(joined.root);
    chain.root = output;
    chain.last = node.index;
    chain.length++;
    chainByRoot.set(output, chain);
    chainOf.set(node, chain);
  }
  const result: IndexedNode[] = [];
  for (const node of nodes) {
    const chain = chainOf.get(node);
    if (chain === undefined || chain.length === 1) result.push(node);
    else if (chain.last === node.index) {
      result.push({
        index: node.index,
        traced: {
          kernel: 'elementwiseChain',
          inputs: [['operands', chain.operands]],
          attributes: { shape: [...chain.shape], steps: chain.steps },
          outputs: [chain.root],
        },
      });
    }
  }
  return result;
}

/** The values a fusable kernel reads, or undefined when the kernel cannot join a chain. */
function chainOperands(node: TracedNode, values: readonly TracedValue[]): number[] | undefined {
  const isFloat = (value: number) => values[value].dtype === 'float32';
  if (node.kernel === 'unary') {
    const [[, x]] = node.inputs as [[string, number]];
    const { op } = node.attributes as { op: UnaryOp };
    return !BOOL_RESULTS.has(op) && isFloat(x) ? [x] : undefined;
  }
  if (node.kernel === 'binary') {
    const operands = node.inputs.map(([, value]) => value as number);
    return operands.every(isFloat) ? operands : undefined;
  }
  return undefined;
}
