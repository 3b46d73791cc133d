import type { Tape, TapeNode } from '../engine/tape';
import { ShapeError } from '../errors';
import { add } from '../ops/add';
import { onesLike } from '../ops/ones-like';
import { reshape } from '../ops/reshape';
import { zerosLike } from '../ops/zeros-like';
import type { Tensor } from '../tensor';
import { formatShape, shapesEqual } from '../util/shape';

/**
 * Reverse-mode pass over the recorded nodes: only nodes that depend on a source and lead to `y` run.
 * Sources that `y` does not depend on get zeros (as JAX does) rather than an error.
 */
export function backpropagate(tape: Tape, y: Tensor, sources: readonly Tensor[], dy?: Tensor): Tensor[] {
  const dependsOnSource = new Set<number>(sources.map((source) => source.id));
  const relevant: TapeNode[] = [];
  for (const node of tape.nodes) {
    if (node.inputs.some((input) => dependsOnSource.has(input.id))) {
      relevant.push(node);
      for (const output of node.outputs) dependsOnSource.add(output.id);
    }
  }
  const gradients = new Map<number, Tensor>();
  if (dy !== undefined && !shapesEqual(dy.shape, y.shape)) {
    throw new ShapeError(
      `grad: dy must have the shape of f's result ${formatShape(y.shape)}, got ${formatShape(dy.shape)}`,
    );
  }
  gradients.set(y.id, dy ?? onesLike(y));
  for (let position = relevant.length - 1; position >= 0; position--) {
    const node = relevant[position];
    const outputGradients = node.outputs.map((output) => gradients.get(output.id));
    if (outputGradients.every((gradient) => gradient === undefined)) continue;
    const filled = outputGradients.map((gradient, index) => gradient ?? zerosLike(node.outputs[index]));
    const inputGradients = node.backward(
      filled,
      node.inputs.map((input) => dependsOnSource.has(input.id)),
    );
    node.inputs.forEach((input, index) => {
      const gradient = inputGradients[index];
      if (gradient === undefined || !dependsOnSource.has(input.id)) return;
      if (!shapesEqual(gradient.shape, input.shape)) {
        throw new ShapeError(
          `grad: the gradient rule of '${node.name}' returned shape ${formatShape(gradient.shape)} for an input of shape ${formatShape(input.shape)}`,
        );
      }
      const existing = gradients.get(input.id);
      gradients.set(input.id, existing ? add(existing, gradient) : gradient);
    });
  }
  // One tensor can be the gradient of several sources (both inputs of an add get dy itself), and dy belongs to
  // the caller: each result gets its own handle, so disposing one gradient never invalidates another.
  const handedOut = new Set<Tensor>(dy === undefined ? [] : [dy]);
  return sources.map((source) => {
    const gradient = gradients.get(source.id) ?? zerosLike(source);
    if (!handedOut.has(gradient)) {
      handedOut.add(gradient);
      return gradient;
    }
    return reshape(gradient, gradient.shape);
  });
}
