import { add, type Tensor, tidy, type Variable } from '@tessera/core';
import { Layer, type WeightEntry } from '../../layer';

/**
 * A layer made of other layers (a Transformer block holds attention, normalization and dense layers). The
 * Layer base only knows the weights its own `addWeight` created, so this base adds the tracked sub-layers'
 * weights after its own ones, keyed `<subLayerKey>/<weightKey>` (`self_attention/query/kernel`), and forwards
 * trainability, regularization, constraints and disposal to them.
 */
export abstract class CompositeLayer extends Layer {
  private readonly tracked: Array<{ key: string; layer: Layer }> = [];

  /** Registers a sub-layer whose weights belong to this layer, in the order they should be saved. */
  protected track<SubLayer extends Layer>(key: string, layer: SubLayer): SubLayer {
    layer.trainable = this.trainable;
    this.tracked.push({ key, layer });
    return layer;
  }

  /** The name a sub-layer gets, so its weight variables read `<thisName>/<key>/kernel`. */
  protected subLayerName(key: string): string {
    return `${this.name}/${key}`;
  }

  override get trainable(): boolean {
    return super.trainable;
  }

  override set trainable(value: boolean) {
    super.trainable = value;
    for (const { layer } of this.tracked) layer.trainable = value;
  }

  override get weights(): Variable[] {
    return [...super.weights, ...this.tracked.flatMap(({ layer }) => layer.weights)];
  }

  override get namedWeights(): readonly WeightEntry[] {
    const nested = this.tracked.flatMap(({ key, layer }) =>
      layer.namedWeights.map((entry) => ({ ...entry, key: `${key}/${entry.key}` })),
    );
    return [...super.namedWeights, ...nested];
  }

  override regularizationLoss(): Tensor | undefined {
    const penalties = [super.regularizationLoss(), ...this.tracked.map(({ layer }) => layer.regularizationLoss())];
    const present = penalties.filter((penalty): penalty is Tensor => penalty !== undefined);
    if (present.length === 0) return undefined;
    if (present.length === 1) return present[0];
    const total = tidy(() => present.reduce((sumSoFar, penalty) => add(sumSoFar, penalty)));
    for (const penalty of present) penalty.dispose();
    return total;
  }

  override applyConstraints(): void {
    super.applyConstraints();
    for (const { layer } of this.tracked) layer.applyConstraints();
  }

  override dispose(): void {
    super.dispose();
    for (const { layer } of this.tracked) layer.dispose();
    this.tracked.length = 0;
  }
}
