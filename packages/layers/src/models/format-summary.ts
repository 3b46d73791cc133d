import type { Layer } from '../layer';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

/** Keras-style table: one row per layer with its output shape and parameter count, then the totals. */
export function formatSummary(
  modelName: string,
  layers: readonly Layer[],
  outputShapes: readonly SymbolicShape[],
): string {
  const rows = layers.map((layer, position) => [
    `${layer.name} (${layer.className})`,
    formatSymbolicShape(outputShapes[position]),
    String(layer.countParams()),
  ]);
  const header = ['Layer (type)', 'Output shape', 'Param #'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)) + 2);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('')
      .trimEnd();
  const rule = '_'.repeat(widths.reduce((total, width) => total + width, 0));
  const total = layers.reduce((sum, layer) => sum + layer.countParams(), 0);
  const trainable = layers.reduce(
    (sum, layer) => sum + layer.trainableWeights.reduce((count, weight) => count + weight.size, 0),
    0,
  );
  return [
    `Model: "${modelName}"`,
    rule,
    line(header),
    '='.repeat(rule.length),
    ...rows.map(line),
    '='.repeat(rule.length),
    `Total params: ${total}`,
    `Trainable params: ${trainable}`,
    `Non-trainable params: ${total - trainable}`,
    rule,
  ].join('\n');
}
