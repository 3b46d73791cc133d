// Experiment: packed-panel GEMM with various micro-kernels. C (float32, n stride) += A·B
const KC = +(process.env.KC ?? 256), MC = +(process.env.MC ?? 64), NC = +(process.env.NC ?? 1024);
const ArrayType = process.env.F32 ? Float32Array : Float64Array;

function packA(a, m0, mc, k0, kc, lda, MR, pa) {
  // pa: for each MR-row sliver, kc*MR values
  let d = 0;
  for (let i = 0; i < mc; i += MR) {
    for (let p = 0; p < kc; p++) {
      const base = (k0 + p);
      for (let r = 0; r < MR; r++) {
        const row = m0 + i + r;
        pa[d++] = (i + r < mc) ? a[row * lda + base] : 0;
      }
    }
  }
}
function packB(b, k0, kc, n0, nc, ldb, NR, pb) {
  let d = 0;
  for (let j = 0; j < nc; j += NR) {
    for (let p = 0; p < kc; p++) {
      const rowBase = (k0 + p) * ldb + n0 + j;
      for (let c = 0; c < NR; c++) pb[d++] = (j + c < nc) ? b[rowBase + c] : 0;
    }
  }
}
function k4x4(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0,c30=0,c31=0,c32=0,c33=0;
  for (let p = 0; p < kc; p++) {
    const a0=pa[ai],a1=pa[ai+1],a2=pa[ai+2],a3=pa[ai+3];
    const b0=pb[bi],b1=pb[bi+1],b2=pb[bi+2],b3=pb[bi+3];
    c00+=a0*b0;c01+=a0*b1;c02+=a0*b2;c03+=a0*b3;
    c10+=a1*b0;c11+=a1*b1;c12+=a1*b2;c13+=a1*b3;
    c20+=a2*b0;c21+=a2*b1;c22+=a2*b2;c23+=a2*b3;
    c30+=a3*b0;c31+=a3*b1;c32+=a3*b2;c33+=a3*b3;
    ai+=4;bi+=4;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;ci+=ldc;
  c[ci]+=c30;c[ci+1]+=c31;c[ci+2]+=c32;c[ci+3]+=c33;
}
function k4x4u2(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0,c30=0,c31=0,c32=0,c33=0;
  const end = ai + kc * 4;
  for (; ai < end; ai += 4, bi += 4) {
    let a=pa[ai],b0=pb[bi],b1=pb[bi+1],b2=pb[bi+2],b3=pb[bi+3];
    c00+=a*b0;c01+=a*b1;c02+=a*b2;c03+=a*b3;
    a=pa[ai+1];c10+=a*b0;c11+=a*b1;c12+=a*b2;c13+=a*b3;
    a=pa[ai+2];c20+=a*b0;c21+=a*b1;c22+=a*b2;c23+=a*b3;
    a=pa[ai+3];c30+=a*b0;c31+=a*b1;c32+=a*b2;c33+=a*b3;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;ci+=ldc;
  c[ci]+=c30;c[ci+1]+=c31;c[ci+2]+=c32;c[ci+3]+=c33;
}
function k3x4(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0;
  for (let p = 0; p < kc; p++) {
    const b0=pb[bi],b1=pb[bi+1],b2=pb[bi+2],b3=pb[bi+3];
    let a=pa[ai];c00+=a*b0;c01+=a*b1;c02+=a*b2;c03+=a*b3;
    a=pa[ai+1];c10+=a*b0;c11+=a*b1;c12+=a*b2;c13+=a*b3;
    a=pa[ai+2];c20+=a*b0;c21+=a*b1;c22+=a*b2;c23+=a*b3;
    ai+=3;bi+=4;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;
}
function k2x8(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c04=0,c05=0,c06=0,c07=0,c10=0,c11=0,c12=0,c13=0,c14=0,c15=0,c16=0,c17=0;
  for (let p = 0; p < kc; p++) {
    const a0=pa[ai],a1=pa[ai+1];
    let b=pb[bi];c00+=a0*b;c10+=a1*b;
    b=pb[bi+1];c01+=a0*b;c11+=a1*b;
    b=pb[bi+2];c02+=a0*b;c12+=a1*b;
    b=pb[bi+3];c03+=a0*b;c13+=a1*b;
    b=pb[bi+4];c04+=a0*b;c14+=a1*b;
    b=pb[bi+5];c05+=a0*b;c15+=a1*b;
    b=pb[bi+6];c06+=a0*b;c16+=a1*b;
    b=pb[bi+7];c07+=a0*b;c17+=a1*b;
    ai+=2;bi+=8;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;c[ci+4]+=c04;c[ci+5]+=c05;c[ci+6]+=c06;c[ci+7]+=c07;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;c[ci+4]+=c14;c[ci+5]+=c15;c[ci+6]+=c16;c[ci+7]+=c17;
}
function k4x3(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c10=0,c11=0,c12=0,c20=0,c21=0,c22=0,c30=0,c31=0,c32=0;
  for (let p = 0; p < kc; p++) {
    const b0=pb[bi],b1=pb[bi+1],b2=pb[bi+2];
    let a=pa[ai];c00+=a*b0;c01+=a*b1;c02+=a*b2;
    a=pa[ai+1];c10+=a*b0;c11+=a*b1;c12+=a*b2;
    a=pa[ai+2];c20+=a*b0;c21+=a*b1;c22+=a*b2;
    a=pa[ai+3];c30+=a*b0;c31+=a*b1;c32+=a*b2;
    ai+=4;bi+=3;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;ci+=ldc;
  c[ci]+=c30;c[ci+1]+=c31;c[ci+2]+=c32;
}

function k4x4o(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0,c30=0,c31=0,c32=0,c33=0;
  const end = (ai + kc * 4) | 0;
  while (ai < end) {
    const a0=pa[ai],a1=pa[(ai+1)|0],a2=pa[(ai+2)|0],a3=pa[(ai+3)|0];
    const b0=pb[bi],b1=pb[(bi+1)|0],b2=pb[(bi+2)|0],b3=pb[(bi+3)|0];
    c00+=a0*b0;c01+=a0*b1;c02+=a0*b2;c03+=a0*b3;
    c10+=a1*b0;c11+=a1*b1;c12+=a1*b2;c13+=a1*b3;
    c20+=a2*b0;c21+=a2*b1;c22+=a2*b2;c23+=a2*b3;
    c30+=a3*b0;c31+=a3*b1;c32+=a3*b2;c33+=a3*b3;
    ai=(ai+4)|0;bi=(bi+4)|0;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;ci+=ldc;
  c[ci]+=c30;c[ci+1]+=c31;c[ci+2]+=c32;c[ci+3]+=c33;
}
function k4x4o2(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0,c30=0,c31=0,c32=0,c33=0;
  const end = (ai + kc * 4) | 0;
  while (ai < end) {
    let a0=pa[ai],a1=pa[(ai+1)|0],a2=pa[(ai+2)|0],a3=pa[(ai+3)|0];
    let b0=pb[bi],b1=pb[(bi+1)|0],b2=pb[(bi+2)|0],b3=pb[(bi+3)|0];
    c00+=a0*b0;c01+=a0*b1;c02+=a0*b2;c03+=a0*b3;
    c10+=a1*b0;c11+=a1*b1;c12+=a1*b2;c13+=a1*b3;
    c20+=a2*b0;c21+=a2*b1;c22+=a2*b2;c23+=a2*b3;
    c30+=a3*b0;c31+=a3*b1;c32+=a3*b2;c33+=a3*b3;
    a0=pa[(ai+4)|0];a1=pa[(ai+5)|0];a2=pa[(ai+6)|0];a3=pa[(ai+7)|0];
    b0=pb[(bi+4)|0];b1=pb[(bi+5)|0];b2=pb[(bi+6)|0];b3=pb[(bi+7)|0];
    c00+=a0*b0;c01+=a0*b1;c02+=a0*b2;c03+=a0*b3;
    c10+=a1*b0;c11+=a1*b1;c12+=a1*b2;c13+=a1*b3;
    c20+=a2*b0;c21+=a2*b1;c22+=a2*b2;c23+=a2*b3;
    c30+=a3*b0;c31+=a3*b1;c32+=a3*b2;c33+=a3*b3;
    ai=(ai+8)|0;bi=(bi+8)|0;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;ci+=ldc;
  c[ci]+=c30;c[ci+1]+=c31;c[ci+2]+=c32;c[ci+3]+=c33;
}
function k3x4o(pa, ai, pb, bi, kc, c, ci, ldc) {
  let c00=0,c01=0,c02=0,c03=0,c10=0,c11=0,c12=0,c13=0,c20=0,c21=0,c22=0,c23=0;
  const end = (bi + kc * 4) | 0;
  while (bi < end) {
    const b0=pb[bi],b1=pb[(bi+1)|0],b2=pb[(bi+2)|0],b3=pb[(bi+3)|0];
    let a=pa[ai];c00+=a*b0;c01+=a*b1;c02+=a*b2;c03+=a*b3;
    a=pa[(ai+1)|0];c10+=a*b0;c11+=a*b1;c12+=a*b2;c13+=a*b3;
    a=pa[(ai+2)|0];c20+=a*b0;c21+=a*b1;c22+=a*b2;c23+=a*b3;
    ai=(ai+3)|0;bi=(bi+4)|0;
  }
  c[ci]+=c00;c[ci+1]+=c01;c[ci+2]+=c02;c[ci+3]+=c03;ci+=ldc;
  c[ci]+=c10;c[ci+1]+=c11;c[ci+2]+=c12;c[ci+3]+=c13;ci+=ldc;
  c[ci]+=c20;c[ci+1]+=c21;c[ci+2]+=c22;c[ci+3]+=c23;
}
const kernels = { k4x4o: [k4x4o,4,4], k4x4o2: [k4x4o2,4,4], k3x4o: [k3x4o,3,4], k4x4: [k4x4,4,4], k4x4u2: [k4x4u2,4,4], k3x4: [k3x4,3,4], k2x8: [k2x8,2,8], k4x3: [k4x3,4,3] };

function makeGemm([kernel, MR, NR]) {
  const pa = new ArrayType(MC * KC + MR * KC), pb = new ArrayType(NC * KC + NR * KC);
  return function (a, b, c, m, n, k) {
    // m, n multiples of MR, NR assumed in this experiment
    c.fill(0);
    for (let j0 = 0; j0 < n; j0 += NC) {
      const nc = Math.min(NC, n - j0);
      for (let p0 = 0; p0 < k; p0 += KC) {
        const kc = Math.min(KC, k - p0);
        packB(b, p0, kc, j0, nc, n, NR, pb);
        for (let i0 = 0; i0 < m; i0 += MC) {
          const mc = Math.min(MC, m - i0);
          packA(a, i0, mc, p0, kc, k, MR, pa);
          for (let j = 0; j < nc; j += NR) {
            for (let i = 0; i < mc; i += MR) {
              kernel(pa, i * kc, pb, j * kc, kc, c, (i0 + i) * n + j0 + j, n);
            }
          }
        }
      }
    }
  };
}
const sizes = (process.env.SIZES ?? '240,480,960').split(',').map(Number);
for (const [name, spec] of Object.entries(kernels)) {
  if (process.env.ONLY && !process.env.ONLY.split(',').includes(name)) continue;
  const g = makeGemm(spec);
  const out = [];
  for (const s of sizes) {
    const a = new Float32Array(s * s).map(() => Math.random()), b = new Float32Array(s * s).map(() => Math.random()), c = new Float32Array(s * s);
    g(a, b, c, s, s, s); g(a, b, c, s, s, s);
    let reps = 0; const t0 = performance.now(); let t;
    do { g(a, b, c, s, s, s); reps++; t = performance.now() - t0; } while (t < 1000);
    out.push(`${s}: ${(2 * s ** 3 * reps / t / 1e6).toFixed(2)}`);
  }
  console.log(name, out.join('  '));
}
