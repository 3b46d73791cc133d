/** Mean, population variance and extremes of a sample, accumulated in float64 (for the random op tests). */
export function sampleStatistics(values: ArrayLike<number>): {
  mean: number;
  variance: number;
  std: number;
  min: number;
  max: number;
} {
  let total = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index++) {
    total += values[index];
    if (values[index] < min) min = values[index];
    if (values[index] > max) max = values[index];
  }
  const mean = total / values.length;
  let squares = 0;
  for (let index = 0; index < values.length; index++) squares += (values[index] - mean) ** 2;
  const variance = squares / values.length;
  return { mean, variance, std: Math.sqrt(variance), min, max };
}
