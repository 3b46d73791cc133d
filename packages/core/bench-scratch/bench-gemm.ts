import { gemm } from '../src/backends/cpu/kernels/gemm';
type Case = { name: string; m: number; n: number; k: number; ta: boolean; tb: boolean };
const cases: Case[] = [128, 256, 512, 1024].map((s) => ({ name: `${s}`, m: s, n: s, k: s, ta: false, tb: false }));
cases.push(
  { name: 'mlp fwd 128x784·784x128', m: 128, n: 128, k: 784, ta: false, tb: false },
  { name: 'mlp dW1 xT·dy (784x128·128x128)', m: 784, n: 128, k: 128, ta: true, tb: false },
  { name: 'mlp dx dy·W1T (128x128·128x784)', m: 128, n: 784, k: 128, ta: false, tb: true },
  { name: 'mlp fwd2 128x128·128x10', m: 128, n: 10, k: 128, ta: false, tb: false },
  { name: 'mlp dW2 hT·dy (128x128·128x10)', m: 128, n: 10, k: 128, ta: true, tb: false },
  { name: 'mlp dh dy·W2T (128x10·10x128)', m: 128, n: 128, k: 10, ta: false, tb: true },
);
const only = process.env.ONLY;
for (const c of cases) {
  if (only && !c.name.startsWith(only)) continue;
  const a = new Float32Array(c.m * c.k).map(() => Math.random());
  const b = new Float32Array(c.k * c.n).map(() => Math.random());
  const out = new Float32Array(c.m * c.n);
  const run = () => gemm(a, 0, b, 0, out, 0, c.m, c.n, c.k, c.ta, c.tb);
  for (let i = 0; i < 3; i++) run();
  let best = 0;
  for (let trial = 0; trial < 7; trial++) {
    const start = process.cpuUsage().user; let reps = 0; let seconds = 0;
    do { run(); reps++; seconds = (process.cpuUsage().user - start) / 1e6; } while (seconds < 0.15);
    best = Math.max(best, (2 * c.m * c.n * c.k * reps) / seconds / 1e9);
  }
  console.log(`${c.name.padEnd(36)} ${best.toFixed(2)} GFLOP/s`);
}
