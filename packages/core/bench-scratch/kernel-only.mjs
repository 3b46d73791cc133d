const mode = process.env.MODE ?? 'abcache';
const U = +(process.env.UNROLL ?? 1);
const ORIDX = process.env.ORIDX !== '0';
function makeKernel(MR, NR) {
  let s = 'let ' + [...Array(MR)].flatMap((_, i) => [...Array(NR)].map((_, j) => `c${i}_${j}=0`)).join(',') + ';\n';
  s += `const end=(bi+kc*${NR})|0;\nwhile(bi<end){\n`;
  const idx = (base, o) => o ? (ORIDX ? `(${base}+${o})|0` : `${base}+${o}`) : base;
  for (let u = 0; u < U; u++) {
    s += '{';
    if (mode === 'abcache') {
      for (let i = 0; i < MR; i++) s += `const a${i}=pa[${idx('ai', i + u * MR)}];`;
      for (let j = 0; j < NR; j++) s += `const b${j}=pb[${idx('bi', j + u * NR)}];`;
      for (let i = 0; i < MR; i++) for (let j = 0; j < NR; j++) s += `c${i}_${j}+=a${i}*b${j};`;
    } else {
      for (let j = 0; j < NR; j++) s += `const b${j}=pb[${idx('bi', j + u * NR)}];`;
      for (let i = 0; i < MR; i++) { s += `{const a=pa[${idx('ai', i + u * MR)}];`; for (let j = 0; j < NR; j++) s += `c${i}_${j}+=a*b${j};`; s += '}'; }
    }
    s += '}\n';
  }
  s += `ai=(ai+${MR * U})|0;bi=(bi+${NR * U})|0;}\n`;
  for (let i = 0; i < MR; i++) { for (let j = 0; j < NR; j++) s += `c[ci+${j}]+=c${i}_${j};`; s += 'ci+=ldc;\n'; }
  return new Function('pa', 'ai', 'pb', 'bi', 'kc', 'c', 'ci', 'ldc', s);
}
const kc = 256;
for (const shape of (process.env.SHAPES ?? '4x4,4x8,8x4,6x4,3x8,2x8,3x4,2x4').split(',')) {
  const [MR, NR] = shape.split('x').map(Number);
  const kernel = makeKernel(MR, NR);
  const T = process.env.T === 'f32' ? Float32Array : Float64Array;
  const pa = new T(kc * MR).map(() => Math.random()), pb = new T(kc * NR).map(() => Math.random()), c = new Float32Array(64 * 64);
  for (let r = 0; r < 2000; r++) kernel(pa, 0, pb, 0, kc, c, 0, 64);
  let best = 0;
  for (let trial = 0; trial < 5; trial++) {
    const reps = 20000; const t0 = process.cpuUsage().user;
    for (let r = 0; r < reps; r++) kernel(pa, 0, pb, 0, kc, c, 0, 64);
    const dt = (process.cpuUsage().user - t0) / 1e6;
    best = Math.max(best, 2 * MR * NR * kc * reps / dt / 1e9);
  }
  console.log(shape, mode, 'U' + U, best.toFixed(2));
}
