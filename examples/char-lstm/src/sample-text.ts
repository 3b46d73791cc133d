import { InvalidArgumentError, type Tensor, tensor } from '@tessera/core';
import { CharacterVocabulary } from '@tessera/data';
import type { LayersModel } from '@tessera/layers';
import { seededRandom } from './seeded-random';

export interface SampleTextOptions {
  /** The text the model continues (at least one character). */
  seedText: string;
  /** Characters to generate. */
  length: number;
  /** Below 1 sharpens the distribution (safer text), above 1 flattens it (more surprising text). */
  temperature: number;
  /** Seeds the random draws, so the same model and options give the same text. */
  seed: number;
  /** How many of the latest characters the model reads per step. Default 64 (the training window). */
  contextLength?: number;
}

/**
 * Generates text one character at a time: the model reads the latest `contextLength` characters, the last
 * step's distribution is reshaped by the temperature, and a character is drawn from it. Padding and the unknown
 * id are never drawn, so the result has exactly `length` characters.
 */
export function sampleText(model: LayersModel, vocabulary: CharacterVocabulary, options: SampleTextOptions): string {
  const { seedText, length, temperature, seed, contextLength = 64 } = options;
  if (!(temperature > 0)) {
    throw new InvalidArgumentError(`sampleText: temperature must be positive, got ${String(temperature)}`);
  }
  if (seedText.length === 0) throw new InvalidArgumentError('sampleText: seedText must not be empty');
  const random = seededRandom(seed);
  const ids = vocabulary.encode(seedText);
  const generated: number[] = [];
  for (let position = 0; position < length; position++) {
    const context = ids.slice(-contextLength);
    const input = tensor(Int32Array.from(context), [1, context.length], 'int32');
    const output = model.predict(input) as Tensor;
    let probabilities: Float32Array;
    try {
      const values = output.dataSync() as Float32Array;
      probabilities = values.slice(values.length - vocabulary.size);
    } finally {
      input.dispose();
      output.dispose();
    }
    const next = drawWithTemperature(probabilities, temperature, random);
    ids.push(next);
    generated.push(next);
  }
  return vocabulary.decode(generated);
}

/** Draws an id with probability ∝ p^(1/temperature), skipping the padding and unknown ids. */
function drawWithTemperature(probabilities: Float32Array, temperature: number, random: () => number): number {
  const firstCharacterId = CharacterVocabulary.UNKNOWN_ID + 1;
  // Working in log space keeps small probabilities from underflowing at low temperatures.
  const logits: number[] = [];
  let largest = Number.NEGATIVE_INFINITY;
  for (let id = firstCharacterId; id < probabilities.length; id++) {
    const logit = Math.log(Math.max(probabilities[id], 1e-30)) / temperature;
    logits.push(logit);
    largest = Math.max(largest, logit);
  }
  const weights = logits.map((logit) => Math.exp(logit - largest));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = random() * total;
  for (const [offset, weight] of weights.entries()) {
    remaining -= weight;
    if (remaining < 0) return firstCharacterId + offset;
  }
  return firstCharacterId + weights.length - 1;
}
