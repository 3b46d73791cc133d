import {
  add,
  concat,
  customGrad,
  dispose,
  expandDims,
  matmul,
  mul,
  reshape,
  reverse,
  stack,
  type Tensor,
  tidy,
  unstack,
  where,
  zerosLike,
} from '@tessera/core';
import type { CachedBackward } from './recurrent-cell';
import type { RecurrenceInputs } from './run-recurrence';

/**
 * `runRecurrence` for cells with a cached backward (LSTM with its default activations): the forward keeps each
 * step's gate values, so the backward walks the steps once without recomputing them, with one matmul per step
 * (the gradient of the previous output) and a single matmul over all steps for the recurrent kernel's gradient.
 * Same packed result as `runRecurrence`.
 */
export function runCachedRecurrence(inputs: RecurrenceInputs, cached: CachedBackward): Tensor {
  const { stepMasks, recurrentMask, goBackwards } = inputs;
  const stateCount = inputs.initialStates.length;
  const [steps, batch, width] = inputs.projected.shape;
  const units = inputs.initialStates[0].shape[1];
  const timeOf = (position: number): number => (goBackwards ? steps - 1 - position : position);
  const inputCount = 2 + stateCount;

  const fused = customGrad((...argsAndSave: unknown[]) => {
    const args = argsAndSave.slice(0, inputCount) as Tensor[];
    const kernel = args[1 + stateCount];
    const stepInputs = unstack(args[0], 0);
    const history: Tensor[][] = [args.slice(1, 1 + stateCount)];
    const caches: Tensor[][] = [];
    for (let position = 0; position < steps; position++) {
      const previous = history[position];
      const mask = stepMasks?.[timeOf(position)];
      const { states, cache } = cached.step(stepInputs[timeOf(position)], previous, [kernel], recurrentMask);
      history.push(mask === undefined ? states : states.map((state, index) => where(mask, state, previous[index])));
      caches.push(cache);
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
      const preactivationGradients: Tensor[] = new Array(steps);
      for (let position = steps - 1; position >= 0; position--) {
        const mask = stepMasks?.[timeOf(position)];
        const previousCarry = carry;
        const result = tidy(() => {
          const stateGradients = [add(carry[0], rowGradients[position]), ...carry.slice(1)];
          // Masked rows kept their previous states: their gradient skips the step.
          const throughStep =
            mask === undefined ? stateGradients : stateGradients.map((gradient) => where(mask, gradient, 0));
          const { preactivation, previousStates } = cached.gradient(caches[position], history[position], throughStep);
          const product = matmul(preactivation, kernel, { transposeB: true });
          const throughKernel = recurrentMask === undefined ? product : mul(product, recurrentMask);
          const previous = stateGradients.map((gradient, index) => {
            const direct = previousStates[index];
            let total = index === 0 ? (direct === undefined ? throughKernel : add(throughKernel, direct)) : direct;
            if (total === undefined) total = zerosLike(gradient);
            return mask === undefined ? total : add(total, where(mask, 0, gradient));
          });
          return [preactivation, ...previous];
        });
        preactivationGradients[position] = result[0];
        carry = result.slice(1);
        dispose(previousCarry);
      }
      const stacked = stack(preactivationGradients, 0);
      // Σ over steps of (previous output · mask)ᵀ · gradient, as one [units, steps·batch] × [steps·batch, width].
      const previousOutputs = stack(
        history.slice(0, steps).map((states) => states[0]),
        0,
      );
      const dropped = recurrentMask === undefined ? previousOutputs : mul(previousOutputs, recurrentMask);
      const kernelGradient = matmul(
        reshape(dropped, [steps * batch, units]),
        reshape(stacked, [steps * batch, width]),
        {
          transposeA: true,
        },
      );
      const projectedGradient = goBackwards ? reverse(stacked, 0) : stacked;
      dispose([...preactivationGradients, ...rowGradients.slice(0, steps), previousOutputs, dropped]);
      if (projectedGradient !== stacked) stacked.dispose();
      return [projectedGradient, ...carry, kernelGradient];
    };
    return { value, gradFunc };
  });
  return fused(inputs.projected, ...inputs.initialStates, inputs.recurrent[0]);
}
