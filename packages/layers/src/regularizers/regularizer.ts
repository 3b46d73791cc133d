import type { Tensor } from '@tessera/core';
import type { JsonValue } from '../util/json-value';

/**
 * A penalty on a weight, added to the training loss. `config` names it in `model.json` (`{ name: 'l2', l2: 0.01 }`)
 * so a saved model rebuilds the same penalty.
 */
export interface Regularizer {
  (weight: Tensor): Tensor;
  readonly config: { name: string; [key: string]: JsonValue };
}
