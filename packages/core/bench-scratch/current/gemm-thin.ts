/** Float64 sums of one output row, for the row-of-B form below; grows on demand and is reused. */
let rowSums = new Float64Array(0);

/**
 * gemm without packing, for products too small or too thin (under 4 rows or columns) for 4x4 register tiles,
 * such as a single example through a dense layer. Strides describe op(A) and op(B) as in `gemm`. When rows of
 * op(B) are contiguous and long enough, each output row is built as a sum of scaled B rows, so every pass reads B
 * sequentially; otherwise (op(B) = Bᵀ, or a B only a few columns wide) each output is one dot product.
 */
export function thinGemm(
  a: Float32Array,
  aOffset: number,
  aRowStride: number,
  aInnerStride: number,
  b: Float32Array,
  bOffset: number,
  bInnerStride: number,
  bColumnStride: number,
  out: Float32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
): void {
  if (bColumnStride === 1 && n >= 8) {
    if (rowSums.length < n) rowSums = new Float64Array(n);
    const sums = rowSums;
    for (let row = 0; row < m; row++) {
      const outRow = outOffset + row * n;
      for (let column = 0; column < n; column++) sums[column] = accumulate ? out[outRow + column] : 0;
      let aIndex = aOffset + row * aRowStride;
      let bRow = bOffset;
      for (let inner = 0; inner < k; inner++) {
        const scale = a[aIndex];
        for (let column = 0; column < n; column++) sums[column] += scale * b[bRow + column];
        aIndex += aInnerStride;
        bRow += bInnerStride;
      }
      for (let column = 0; column < n; column++) out[outRow + column] = sums[column];
    }
    return;
  }
  for (let row = 0; row < m; row++) {
    const aRow = aOffset + row * aRowStride;
    const outRow = outOffset + row * n;
    for (let column = 0; column < n; column++) {
      let sum = 0;
      let aIndex = aRow;
      let bIndex = bOffset + column * bColumnStride;
      for (let inner = 0; inner < k; inner++) {
        sum += a[aIndex] * b[bIndex];
        aIndex += aInnerStride;
        bIndex += bInnerStride;
      }
      out[outRow + column] = accumulate ? out[outRow + column] + sum : sum;
    }
  }
}
