import type { Tensor } from '@tessera/core';
import type { JsonValue } from '../util/json-value';

/**
 * A projection applied to a weight after each optimizer step (`maxNorm`, `nonNeg`). `config` names it in
 * `model.json` so a saved model rebuilds the same constraint.
 */
export interface Constraint {
  (weight: Tensor): Tensor;
  readonly config: { name: string; [key: string]: JsonValue };
}
