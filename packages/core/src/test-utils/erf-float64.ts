/**
 * erf and erfc in float64 for test references: the Taylor series near 0 and a continued fraction for erfc in the
 * tails, where 1 − erf would lose every digit. Accurate to about 1e-15.
 */
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

function erfSeries(x: number): number {
  let term = x;
  let total = x;
  for (let n = 1; n < 300 && Math.abs(term) > 1e-17 * Math.abs(total); n++) {
    term *= (-x * x) / n;
    total += term / (2 * n + 1);
  }
  return TWO_OVER_SQRT_PI * total;
}

/** erfc(x) for x ≥ 2 by the continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))), evaluated from the tail. */
function erfcContinuedFraction(x: number): number {
  let fraction = x;
  for (let n = 120; n >= 1; n--) fraction = x + n / 2 / fraction;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
}

export function erfc64(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc64(-x);
  return x < 2 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

export function erf64(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < 2) return erfSeries(x);
  return x > 0 ? 1 - erfcContinuedFraction(x) : erfcContinuedFraction(-x) - 1;
}
