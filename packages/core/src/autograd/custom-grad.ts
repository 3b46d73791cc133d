import { ENGINE } from '../engine/engine';
import { InvalidArgumentError, ShapeError } from '../errors';
import { Tensor } from '../tensor';
import { formatShape, shapesEqual } from '../util/shape';

export interface CustomGradientResult {
  value: Tensor;
  /** Gradients of the inputs, given the output gradient and the tensors passed to `save`. */
  gradFunc: (dy: Tensor, saved: Tensor[]) => Tensor | Tensor[];
}

/**
 * Wraps `f` so that its gradient is `gradFunc` instead of the gradient of the ops inside it (for numerically
 * stable or cheaper gradients). `f(...inputs, save)` as in tfjs.
 */
// biome-ignore lint/suspicious/noExplicitAny: f's parameters are (x: Tensor, ..., save); a precise type would reject every typed callback under strictFunctionTypes, as it does in tfjs.
export function customGrad(f: (...inputsAndSave: any[]) => CustomGradientResult): (...inputs: Tensor[]) => Tensor {
  if (typeof f !== 'function') throw new InvalidArgumentError('customGrad: expected a function');
  return (...inputs) => {
    inputs.forEach((input, index) => {
      if (!(input instanceof Tensor)) throw new InvalidArgumentError(`customGrad: input ${index} must be a Tensor`);
    });
    let saved: Tensor[] = [];
    const save = (tensors: Tensor[]) => {
      saved = tensors;
    };
    const { value, gradFunc } = ENGINE.withoutRecording(() => f(...inputs, save));
    if (!(value instanceof Tensor) || typeof gradFunc !== 'function') {
      throw new InvalidArgumentError('customGrad: f must return { value: Tensor, gradFunc: function }');
    }
    if (ENGINE.isRecording()) {
      ENGINE.addTapeNode({
        name: 'customGrad',
        inputs,
        outputs: [value],
        saved,
        backward: ([dy]) => {
          const result = gradFunc(dy, saved);
          const list = Array.isArray(result) ? result : [result];
          if (list.length !== inputs.length) {
            throw new InvalidArgumentError(
              `customGrad: gradFunc returned ${list.length} gradients for ${inputs.length} inputs`,
            );
          }
          list.forEach((gradient, index) => {
            if (!shapesEqual(gradient.shape, inputs[index].shape)) {
              throw new ShapeError(
                `customGrad: gradient ${index} has shape ${formatShape(gradient.shape)}, input has ${formatShape(inputs[index].shape)}`,
              );
            }
          });
          return list;
        },
      });
    }
    return value;
  };
}
