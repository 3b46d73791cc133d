import type { BrowserBenchReport } from './bench-page';

/** The report's section for the page run in headless Chromium, or the reason it did not run. */
export function browserSection(report: BrowserBenchReport | undefined, skipped: string | undefined): string[] {
  const heading = '## In headless Chromium';
  if (report === undefined) return [heading, '', `Not run: ${skipped ?? 'unknown reason'}.`];
  const chromium = /Chrom(e|ium)\/[\d.]+/.exec(report.userAgent)?.[0] ?? report.userAgent;
  return [
    heading,
    '',
    'The same cases, harness and inputs in a web page (`benchmarks/src/browser/bench-page.ts`, bundled with esbuild and',
    "served from localhost), driven by Playwright in Debian's Chromium on the same machine. Node-only so far: the",
    'conv2d and CNN cases (tfjs cpu needs minutes per run even scaled down). The page is served cross-origin',
    "isolated (COOP and COEP headers), so SharedArrayBuffer exists and Tessera's CPU backend splits large products",
    'across Web Workers as it does across worker threads in Node; tfjs wasm may use its threaded build there too.',
    '',
    '| page | |',
    '|---|---|',
    `| browser | ${chromium}, headless |`,
    `| Tessera | WebAssembly SIMD ${report.tesseraSimd ? 'on' : 'off'}${report.tesseraRelaxedSimd ? ' (relaxed-SIMD build: fused multiply-add in the GEMM)' : ''}, ${report.tesseraThreads} threads for large products |`,
    `| tfjs wasm | SIMD ${report.tfjs.wasmSimd ? 'on' : 'off'}, threads ${report.tfjs.wasmThreads ? 'on' : 'off'} |`,
    `| cross-origin isolated | ${report.crossOriginIsolated ? 'yes' : 'no'} |`,
    `| time | ${report.seconds.toFixed(0)} s |`,
    '',
    ...report.table,
    '',
    ...report.notes.map((line) => line.replace(/^## Notes/, '### Notes (Chromium)')),
  ];
}
