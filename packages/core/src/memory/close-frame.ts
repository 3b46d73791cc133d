import { ENGINE } from '../engine/engine';
import type { ScopeFrame } from '../engine/scope-manager';
import type { Tensor } from '../tensor';

/**
 * Disposes what the frame created except `survivors` and kept tensors; survivors move to the enclosing scope.
 * Tensors that an outer, still-recording gradient needs (a tidy inside the function being differentiated, or
 * an inner `grad` in a gradient of a gradient) move to the enclosing scope too, which frees them later.
 */
export function closeFrame(frame: ScopeFrame, survivors: Set<Tensor>): void {
  frame.closed = true;
  for (const tensor of frame.tensors) {
    if (survivors.has(tensor) || tensor.kept || tensor.isDisposed) continue;
    if (ENGINE.isHeldByActiveTape(tensor)) {
      survivors.add(tensor);
      continue;
    }
    tensor.dispose();
  }
  let parent = frame.parent;
  while (parent?.closed) parent = parent.parent;
  if (parent) for (const tensor of survivors) if (frame.tensors.has(tensor)) parent.tensors.add(tensor);
  frame.tensors.clear();
}
