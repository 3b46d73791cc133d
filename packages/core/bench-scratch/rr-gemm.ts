// Round-robin comparison of gemm variants (directories given in VARIANTS), best of many short CPU-time windows.
type Gemm = (a: Float32Array, ao: number, b: Float32Array, bo: number, o: Float32Array, oo: number, m: number, n: number, k: number, ta: boolean, tb: boolean) => void;
const names = (process.env.VARIANTS ?? 'f32,f64').split(',');
const shapes = (process.env.SHAPES ?? '512x512x512,128x128x784,784x128x128t,128x784x128T,128x10x128').split(',');
const variants: { name: string; gemm: Gemm }[] = [];
for (const name of names) variants.push({ name, gemm: (await import(`./${name}/gemm.ts`)).gemm });
for (const shape of shapes) {
  const match = /^(\d+)x(\d+)x(\d+)(t?)(T?)$/.exec(shape)!;
  const [m, n, k] = [+match[1], +match[2], +match[3]];
  const a = new Float32Array(m * k).map(() => Math.random());
  const b = new Float32Array(k * n).map(() => Math.random());
  const out = new Float32Array(m * n);
  const best = variants.map(() => 0);
  for (const v of variants) for (let i = 0; i < 5; i++) v.gemm(a, 0, b, 0, out, 0, m, n, k, !!match[4], !!match[5]);
  for (let round = 0; round < 12; round++) {
    variants.forEach((v, index) => {
      const start = process.cpuUsage().user; let reps = 0; let seconds = 0;
      do { v.gemm(a, 0, b, 0, out, 0, m, n, k, !!match[4], !!match[5]); reps++; seconds = (process.cpuUsage().user - start) / 1e6; } while (seconds < 0.06);
      best[index] = Math.max(best[index], (2 * m * n * k * reps) / seconds / 1e9);
    });
  }
  console.log(shape.padEnd(16), variants.map((v, index) => `${v.name}:${best[index].toFixed(2)}`).join('  '));
}
