import { any, notEqual, type Tensor, where, zerosLike } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';

export interface MaskingOptions extends LayerOptions {
  /** Steps whose features all equal this value are masked (default 0). */
  maskValue?: number;
}

/**
 * Marks padded time steps of a [batch, steps, features] input: a step is masked when every feature equals
 * `maskValue`. Masked steps are zeroed, and the mask reaches the following layers (recurrent layers skip them).
 */
export class Masking extends Layer {
  readonly maskValue: number;

  constructor(options: MaskingOptions = {}) {
    super('masking', options);
    this.maskValue = options.maskValue ?? 0;
  }

  get className(): string {
    return 'Masking';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), maskValue: this.maskValue };
  }

  override computeMask(inputs: readonly Tensor[], _mask: Tensor | undefined): Tensor {
    return any(notEqual(inputs[0], this.maskValue), -1);
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    // where rather than a multiply by 0/1, so masked steps hold +0 (a multiply turns -1 · 0 into -0).
    return where(any(notEqual(input, this.maskValue), -1, true), input, zerosLike(input));
  }
}
