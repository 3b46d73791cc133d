import { conv2dGeometry, patchRowsPerChunk } from '../src/backends/cpu/kernels/conv2d-geometry';
import { gemm } from '../src/backends/cpu/kernels/gemm';
import { im2col } from '../src/backends/cpu/kernels/im2col';
import { col2im } from '../src/backends/cpu/kernels/col2im';
const geometry = conv2dGeometry([64, 28, 28, 32], [3, 3, 32, 64], { strides: [1, 1], dilations: [1, 1], padding: [1, 1, 1, 1] });
const x = new Float32Array(64 * 784 * 32).map(() => Math.random());
const filter = new Float32Array(288 * 64).map(() => Math.random());
const out = new Float32Array(64 * 784 * 64);
const rowsPerChunk = +(process.env.ROWS ?? patchRowsPerChunk(geometry));
const patches = new Float32Array(rowsPerChunk * 288);
const cpu = () => process.cpuUsage().user / 1000;
for (let trial = 0; trial < 3; trial++) {
  let imTime = 0, gemmTime = 0, gemmBackTime = 0, colTime = 0;
  for (let first = 0; first < geometry.patchCount; first += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, geometry.patchCount - first);
    let t = cpu(); im2col(x, geometry, first, rows, patches); imTime += cpu() - t;
    t = cpu(); gemm(patches, 0, filter, 0, out, first * 64, rows, 64, 288, false, false); gemmTime += cpu() - t;
    t = cpu(); gemm(out, first * 64, filter, 0, patches, 0, rows, 288, 64, false, true); gemmBackTime += cpu() - t;
    t = cpu(); col2im(patches, geometry, first, rows, x); colTime += cpu() - t;
  }
  console.log(`rows/chunk ${rowsPerChunk}: im2col ${imTime.toFixed(0)} ms, gemm fwd ${gemmTime.toFixed(0)} ms (${(1.85e9 / gemmTime / 1e6).toFixed(2)} GF), gemm dpatch ${gemmBackTime.toFixed(0)} ms, col2im ${colTime.toFixed(0)} ms`);
}
