import {
  add,
  concat,
  customGrad,
  dispose,
  expandDims,
  grads,
  stack,
  type Tensor,
  tidy,
  unstack,
  where,
  zerosLike,
} from '@tessera/core';
import type { RecurrentCell } from './recurrent-cell';
import { runCachedRecurrence } from './run-cached-recurrence';

export interface RecurrenceInputs {
  cell: RecurrentCell;
  /** Every step's projected input, time-major: [steps, batch, width]. */
  projected: Tensor;
  initialStates: Tensor[];
  /** From `cell.recurrentTensors()`. */
  recurrent: Tensor[];
  /** Per step (time order), bool [batch, 1]: false keeps the previous states (Keras masking). */
  stepMasks: Tensor[] | undefined;
  /** Recurrent dropout mask [batch, units], the same at every step. */
  recurrentMask: Tensor | undefined;
  goBackwards: boolean;
}

/**
 * Runs the cell over every step as ONE differentiable op. A per-step tape would slice the projected input once
 * per step, and each slice's gradient is a full-size padded tensor (quadratic in the number of steps); here the
 * loop runs unrecorded and the backward pass walks the steps in reverse, differentiating one step at a time
 * (recomputing it from the saved states) and stacking the input gradients once.
 *
 * Returns [steps + extra states, batch, units]: row k is the output after the k-th processed step (processing
 * order, as Keras with goBackwards), then the final value of each state after the first (an LSTM's cell state).
 * The final first state equals the last output row.
 */
export function runRecurrence(inputs: RecurrenceInputs): Tensor {
  const cached = inputs.cell.cachedBackward();
  if (cached !== undefined && inputs.recurrent.length === 1) return runCachedRecurrence(inputs, cached);
  const { cell, stepMasks, recurrentMask, goBackwards } = inputs;
  const stateCount = inputs.initialStates.length;
  const steps = inputs.projected.shape[0];
  const timeOf = (position: number): number => (goBackwards ? steps - 1 - position : position);

  /** One step with masking: masked rows keep their previous states. */
  const maskedStep = (projected: Tensor, states: Tensor[], recurrent: Tensor[], time: number): Tensor[] => {
    const next = cell.step(projected, states, recurrent, recurrentMask);
    if (stepMasks === undefined) return next;
    return next.map((state, index) => where(stepMasks[time], state, states[index]));
  };

  const inputCount = 1 + stateCount + inputs.recurrent.length;
  // customGrad passes its `save` callback after the tensors; it is not needed (the closure keeps the states).
  const fused = customGrad((...argsAndSave: unknown[]) => {
    const args = argsAndSave.slice(0, inputCount) as Tensor[];
    const projectedAll = args[0];
    const initialStates = args.slice(1, 1 + stateCount);
    const recurrent = args.slice(1 + stateCount);
    const stepInputs = unstack(projectedAll, 0);
    const history: Tensor[][] = [initialStates];
    for (let position = 0; position < steps; position++) {
      history.push(maskedStep(stepInputs[timeOf(position)], history[position], recurrent, timeOf(position)));
    }
    const finalStates = history[steps];
    const outputs = stack(
      history.slice(1).map((states) => states[0]),
      0,
    );
    const value =
      stateCount === 1 ? outputs : concat([outputs, ...finalStates.slice(1).map((state) => expandDims(state, 0))], 0);

    const gradFunc = (dy: Tensor): Tensor[] => {
      const rowGradients = unstack(dy, 0);
      let carry: Tensor[] = [zerosLike(finalStates[0]), ...rowGradients.slice(steps)];
      let recurrentGradients: Tensor[] | undefined;
      const projectedGradients: Tensor[] = new Array(steps);
      for (let position = steps - 1; position >= 0; position--) {
        const time = timeOf(position);
        const previousCarry = carry;
        const previousRecurrentGradients = recurrentGradients;
        const stepGradients = tidy(() => {
          const cotangent = concat([add(carry[0], rowGradients[position]), ...carry.slice(1)], 1);
          const packedStep = (...stepArgs: Tensor[]): Tensor => {
            const states = stepArgs.slice(1, 1 + stateCount);
            const next = maskedStep(stepArgs[0], states, stepArgs.slice(1 + stateCount), time);
            return next.length === 1 ? next[0] : concat(next, 1);
          };
          const gradients = grads(packedStep)([stepInputs[time], ...history[position], ...recurrent], cotangent);
          const recurrentPart = gradients.slice(1 + stateCount);
          const accumulated =
            recurrentGradients === undefined
              ? recurrentPart
              : recurrentPart.map((gradient, index) => add(gradient, (recurrentGradients as Tensor[])[index]));
          return [gradients[0], ...gradients.slice(1, 1 + stateCount), ...accumulated];
        });
        projectedGradients[time] = stepGradients[0];
        carry = stepGradients.slice(1, 1 + stateCount);
        recurrentGradients = stepGradients.slice(1 + stateCount);
        dispose(previousCarry);
        if (previousRecurrentGradients !== undefined) dispose(previousRecurrentGradients);
      }
      const projectedGradient = stack(projectedGradients, 0);
      dispose(projectedGradients);
      // The extra states' rows were the first carry and are disposed already.
      dispose(rowGradients.slice(0, steps));
      return [projectedGradient, ...carry, ...(recurrentGradients ?? [])];
    };
    return { value, gradFunc };
  });
  return fused(inputs.projected, ...inputs.initialStates, ...inputs.recurrent);
}
