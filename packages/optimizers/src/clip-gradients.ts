import {
  add,
  clipByValue,
  div,
  InvalidArgumentError,
  maximum,
  mul,
  sqrt,
  square,
  sum,
  type Tensor,
} from '@tessera/core';
import { assertPositive } from './validate-config';

/** The three Keras clipping modes; at most one may be set, as in Keras. */
export interface ClipOptions {
  /** Rescales each gradient tensor whose L2 norm exceeds this to exactly this norm. */
  clipNorm?: number;
  /** Clamps every gradient element to [-clipValue, clipValue]. */
  clipValue?: number;
  /** Rescales all gradients together when their joint L2 norm exceeds this (`clip_by_global_norm`). */
  globalClipNorm?: number;
}

export function validateClipOptions(owner: string, options: ClipOptions): ClipOptions {
  const given = (['clipNorm', 'clipValue', 'globalClipNorm'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1) {
    throw new InvalidArgumentError(
      `${owner}: only one of clipNorm, clipValue and globalClipNorm may be set, got ${given.join(' and ')}`,
    );
  }
  for (const key of given) assertPositive(owner, key, options[key]);
  return { clipNorm: options.clipNorm, clipValue: options.clipValue, globalClipNorm: options.globalClipNorm };
}

function l2Norm(gradient: Tensor): Tensor {
  return sqrt(sum(square(gradient)));
}

/**
 * Returns the clipped gradients in the same order. Runs inside the optimizer's `tidy`, so intermediates are
 * freed by the caller's scope. Scaling by `threshold / max(norm, threshold)` leaves small gradients untouched
 * without a data-dependent branch (no read back from the device).
 */
export function clipGradients(gradients: Tensor[], options: ClipOptions): Tensor[] {
  const { clipNorm, clipValue, globalClipNorm } = options;
  if (clipValue !== undefined) return gradients.map((gradient) => clipByValue(gradient, -clipValue, clipValue));
  if (clipNorm !== undefined) {
    return gradients.map((gradient) => {
      const norm = l2Norm(gradient);
      return mul(gradient, div(clipNorm, maximum(norm, clipNorm)));
    });
  }
  if (globalClipNorm !== undefined && gradients.length > 0) {
    let squaredTotal = sum(square(gradients[0]));
    for (const gradient of gradients.slice(1)) squaredTotal = add(squaredTotal, sum(square(gradient)));
    const scale = div(globalClipNorm, maximum(sqrt(squaredTotal), globalClipNorm));
    return gradients.map((gradient) => mul(gradient, scale));
  }
  return gradients;
}
