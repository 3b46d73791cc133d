import { ENGINE } from '../engine/engine';
import { fill } from '../ops/fill';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** Repeats each size-1 axis by gathering index 0 as many times as the target needs. */
export function broadcastToComposite(...[inputs, attributes]: Parameters<CompositeFunction<'broadcastTo'>>): Tensor {
  const target = attributes.shape;
  const leadingOnes = new Array<number>(target.length - inputs.x.rank).fill(1);
  let result = ENGINE.runKernel('reshape', { x: inputs.x }, { shape: [...leadingOnes, ...inputs.x.shape] });
  for (let axis = 0; axis < target.length; axis++) {
    if (result.shape[axis] === target[axis]) continue;
    const indices = fill([target[axis]], 0, 'int32');
    result = ENGINE.runKernel('gather', { x: result, indices }, { axis });
  }
  return result;
}
