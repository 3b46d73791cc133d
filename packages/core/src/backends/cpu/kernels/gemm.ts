/**
 * out[m×n] (+)= op(a)[m×k] · op(b)[k×n] on row-major Float32Array views at the given offsets.
 * op(a) is a, or aᵀ when transposeA (a then stored k×m); likewise for b (stored n×k when transposeB).
 */
export function gemm(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  out: Float32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
  accumulate = false,
): void {
  const aRowStride = transposeA ? 1 : k;
  const aColStride = transposeA ? m : 1;
  const bRowStride = transposeB ? 1 : n;
  const bColStride = transposeB ? k : 1;
  for (let row = 0; row < m; row++) {
    for (let column = 0; column < n; column++) {
      let sum = accumulate ? out[outOffset + row * n + column] : 0;
      for (let inner = 0; inner < k; inner++) {
        sum += a[aOffset + row * aRowStride + inner * aColStride] * b[bOffset + inner * bRowStride + column * bColStride];
      }
      out[outOffset + row * n + column] = sum;
    }
  }
}
