// Generates MR x NR micro-kernels (A sliver MR wide, B sliver NR wide) and benchmarks them.
const KC = +(process.env.KC ?? 256), MC = +(process.env.MC ?? 96), NC = +(process.env.NC ?? 1024);
const mode = process.env.MODE ?? 'abcache'; // 'abcache': load all a and b first; 'bstream'
function makeKernel(MR, NR) {
  let s = 'let ' + [...Array(MR)].flatMap((_, i) => [...Array(NR)].map((_, j) => `c${i}_${j}=0`)).join(',') + ';\n';
  const U = +(process.env.UNROLL ?? 1);
  s += `const end=(bi+kc*${NR})|0;\nwhile(bi<end){\n`;
  for (let u = 0; u < U; u++) {
  const ao = (i) => (i + u * MR) ? `(ai+${i + u * MR})|0` : 'ai';
  const bo = (j) => (j + u * NR) ? `(bi+${j + u * NR})|0` : 'bi';
  s += '{';
  if (mode === 'abcache') {
    for (let i = 0; i < MR; i++) s += `const a${i}=pa[${ao(i)}];`;
    for (let j = 0; j < NR; j++) s += `const b${j}=pb[${bo(j)}];`;
    s += '\n';
    for (let i = 0; i < MR; i++) { for (let j = 0; j < NR; j++) s += `c${i}_${j}+=a${i}*b${j};`; s += '\n'; }
  } else {
    for (let j = 0; j < NR; j++) s += `const b${j}=pb[${bo(j)}];`;
    for (let i = 0; i < MR; i++) { s += `{const a=pa[${ao(i)}];`; for (let j = 0; j < NR; j++) s += `c${i}_${j}+=a*b${j};`; s += '}\n'; }
  }
  s += '}';
  }
  s += `ai=(ai+${MR * U})|0;bi=(bi+${NR * U})|0;}\n`;
  for (let i = 0; i < MR; i++) { for (let j = 0; j < NR; j++) s += `c[ci+${j}]+=c${i}_${j};`; s += 'ci+=ldc;\n'; }
  return new Function('pa', 'ai', 'pb', 'bi', 'kc', 'c', 'ci', 'ldc', s);
}
function packA(a, m0, mc, k0, kc, lda, MR, pa) {
  let d = 0;
  for (let i = 0; i < mc; i += MR) for (let p = 0; p < kc; p++) for (let r = 0; r < MR; r++) pa[d++] = (i + r < mc) ? a[(m0 + i + r) * lda + k0 + p] : 0;
}
function packB(b, k0, kc, n0, nc, ldb, NR, pb) {
  let d = 0;
  for (let j = 0; j < nc; j += NR) for (let p = 0; p < kc; p++) { const rb = (k0 + p) * ldb + n0 + j; for (let c = 0; c < NR; c++) pb[d++] = (j + c < nc) ? b[rb + c] : 0; }
}
function makeGemm(kernel, MR, NR) {
  const pa = new Float64Array(MC * KC + MR * KC), pb = new Float64Array(NC * KC + NR * KC);
  return function (a, b, c, m, n, k) {
    c.fill(0);
    for (let j0 = 0; j0 < n; j0 += NC) { const nc = Math.min(NC, n - j0);
      for (let p0 = 0; p0 < k; p0 += KC) { const kc = Math.min(KC, k - p0);
        packB(b, p0, kc, j0, nc, n, NR, pb);
        for (let i0 = 0; i0 < m; i0 += MC) { const mc = Math.min(MC, m - i0);
          packA(a, i0, mc, p0, kc, k, MR, pa);
          for (let j = 0; j + NR <= nc; j += NR) for (let i = 0; i + MR <= mc; i += MR) kernel(pa, i * kc, pb, j * kc, kc, c, (i0 + i) * n + j0 + j, n);
        } } }
  };
}
const sizes = (process.env.SIZES ?? '480,960').split(',').map(Number);
for (const shape of (process.env.SHAPES ?? '4x4,4x8,8x4,6x4,4x6,6x6,8x8,3x8,2x12').split(',')) {
  const [MR, NR] = shape.split('x').map(Number);
  const g = makeGemm(makeKernel(MR, NR), MR, NR);
  const out = [];
  for (const s0 of sizes) {
    const s = Math.floor(s0 / (MR * NR)) * MR * NR || s0;
    const a = new Float32Array(s * s).map(() => Math.random()), b = new Float32Array(s * s).map(() => Math.random()), c = new Float32Array(s * s);
    g(a, b, c, s, s, s); g(a, b, c, s, s, s);
    let best = 0;
    for (let trial = 0; trial < 5; trial++) {
      let reps = 0; const t0 = process.cpuUsage().user / 1000; let t;
      do { g(a, b, c, s, s, s); reps++; t = process.cpuUsage().user / 1000 - t0; } while (t < 200);
      best = Math.max(best, 2 * s ** 3 * reps / t / 1e6);
    }
    out.push(`${s}: ${best.toFixed(2)}`);
  }
  console.log(shape, mode, out.join('  '));
}
