// Round-robin kernel-only comparison; each variant's best of many 50ms windows.
function makeKernel(MR, NR, mode, U, orIndex) {
  let s = 'let ' + [...Array(MR)].flatMap((_, i) => [...Array(NR)].map((_, j) => `c${i}_${j}=0`)).join(',') + ';\n';
  s += `const end=(bi+kc*${NR})|0;\nwhile(bi<end){\n`;
  const idx = (base, o) => o ? (orIndex ? `(${base}+${o})|0` : `${base}+${o}`) : base;
  for (let u = 0; u < U; u++) {
    s += '{';
    if (mode === 'a') {
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
const variants = (process.env.V ?? '4x4a1,4x4b1,3x4b1,4x3b1,2x4a1,3x3a1,4x4a2,6x4b1,8x4b1').split(',').map((name) => {
  const m = /^(\d+)x(\d+)([ab])(\d)(n?)(f?)$/.exec(name);
  const MR = +m[1], NR = +m[2];
  const T = m[6] ? Float32Array : Float64Array;
  return { name, MR, NR, kernel: makeKernel(MR, NR, m[3], +m[4], !m[5]), pa: new T(kc * MR).map(() => Math.random()), pb: new T(kc * NR).map(() => Math.random()), best: 0 };
});
const c = new Float32Array(64 * 64);
for (const v of variants) for (let r = 0; r < 3000; r++) v.kernel(v.pa, 0, v.pb, 0, kc, c, 0, 64);
for (let round = 0; round < 15; round++) for (const v of variants) {
  const t0 = process.cpuUsage().user; let reps = 0, dt;
  do { for (let r = 0; r < 200; r++) v.kernel(v.pa, 0, v.pb, 0, kc, c, 0, 64); reps += 200; dt = (process.cpuUsage().user - t0) / 1e6; } while (dt < 0.05);
  v.best = Math.max(v.best, 2 * v.MR * v.NR * kc * reps / dt / 1e9);
}
console.log(variants.map((v) => `${v.name}:${v.best.toFixed(2)}`).join('  '));
