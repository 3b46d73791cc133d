/** Python's `'%.Nf'`: fixed decimals, with `nan`/`inf` spelled as Python spells them. */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return formatNonFinite(value);
  return value.toFixed(decimals);
}

/** Python's `'%.Ne'`: the exponent carries a sign and at least two digits (`1.2340e-04`, not JavaScript's `1.2340e-4`). */
export function formatExponential(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return formatNonFinite(value);
  const [mantissa, exponent] = value.toExponential(decimals).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[+-]/, '');
  return `${mantissa}e${sign}${digits.padStart(2, '0')}`;
}

/** How Keras's progress bar prints a metric: four decimals, or scientific notation for tiny values. */
export function formatLogValue(value: number): string {
  return Math.abs(value) > 1e-3 || !Number.isFinite(value) ? formatFixed(value, 4) : formatExponential(value, 4);
}

function formatNonFinite(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  return value > 0 ? 'inf' : '-inf';
}
