import { dropout, InvalidArgumentError, reshape, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';

export interface DropoutLayerOptions extends LayerOptions {
  /** The fraction of inputs zeroed while training, in [0, 1). */
  rate: number;
  /** Makes the masks reproducible: call n uses seed + n, so masks still differ between batches. */
  seed?: number;
}

/** Inverted dropout while training (kept values scaled by 1 / (1 − rate)); the identity at inference. */
export class Dropout extends Layer {
  readonly rate: number;
  private readonly seed: number | undefined;
  private calls = 0;

  constructor(options: DropoutLayerOptions) {
    super('dropout', options);
    if (typeof options?.rate !== 'number' || !(options.rate >= 0 && options.rate < 1)) {
      throw new InvalidArgumentError(`Dropout: rate must be a number in [0, 1), got ${String(options?.rate)}`);
    }
    if (options.seed !== undefined && !(Number.isSafeInteger(options.seed) && options.seed >= 0)) {
      throw new InvalidArgumentError(`Dropout: seed must be a non-negative safe integer, got ${String(options.seed)}`);
    }
    this.rate = options.rate;
    this.seed = options.seed;
  }

  /** Works per example and per step, so an input mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  get className(): string {
    return 'Dropout';
  }

  override getConfig(): LayerConfig {
    const config: LayerConfig = { ...super.getConfig(), rate: this.rate };
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }

  override call(input: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return reshape(input, input.shape);
    const seed = this.seed === undefined ? undefined : this.seed + this.calls++;
    return dropout(input, this.rate, { seed });
  }
}
