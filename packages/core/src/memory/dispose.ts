import { collectTensors } from './collect-tensors';

/** Disposes every tensor in `value` (a tensor, or arrays and plain objects holding tensors). */
export function dispose(value: unknown): void {
  for (const tensor of collectTensors(value)) tensor.dispose();
}
