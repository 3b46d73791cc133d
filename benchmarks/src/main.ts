/**
 * `pnpm bench`: times Tessera's CPU backend against TensorFlow.js (cpu and wasm backends), and jax-js where a case
 * has a jax-js version, side by side in one process, prints a Markdown table and writes it to BENCHMARKS.md at the repository root. Benchmarks are not tests:
 * the run succeeds unless a Tessera cell fails or computes a different result than tfjs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../scripts/chromium.mjs';
import { browserSection } from './browser/browser-section';
import { runInChromium } from './browser/run-in-chromium';
import type { BenchCase } from './cases/bench-case';
import { charLstmCase } from './cases/char-lstm-case';
import { cnnTrainingCase } from './cases/cnn-training-case';
import { conv2dCase } from './cases/conv2d-case';
import { matmulCase } from './cases/matmul-case';
import { mlpEpochCase } from './cases/mlp-epoch-case';
import { mlpStepCase } from './cases/mlp-step-case';
import { initialiseJaxJs } from './frameworks/jax-js-mlp-fit';
import { initialiseTfjsBackends } from './frameworks/tfjs-backends';
import { registerTfjsWasmFillIns } from './frameworks/tfjs-wasm-fill-ins';
import { loadFashionMnistArrays } from './inputs/fashion-mnist-arrays';
import { startCpuContentionMeter } from './report/cpu-contention';
import { machineInfo } from './report/machine-info';
import { markdownReport } from './report/markdown-report';
import { agreementTolerance } from './report/output-difference';
import { tesseraDifferenceFromTfjsCpu } from './report/tessera-agreement';
import { type CaseResult, runCase } from './run-case';

const reportPath = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));

const benchStart = performance.now();
const otherProcessesCpuShare = startCpuContentionMeter();
const tfjsInfo = await initialiseTfjsBackends();
await initialiseJaxJs();
registerTfjsWasmFillIns();
const cases: BenchCase[] = [
  matmulCase(256),
  matmulCase(512),
  matmulCase(1024),
  conv2dCase(),
  mlpStepCase(),
  charLstmCase(),
];
// The training cases need the real data set; without a local copy they are skipped (and the report says why).
const fashionMnist = await loadFashionMnistArrays();
const skippedCases: string[] = [];
if ('missing' in fashionMnist) {
  skippedCases.push(`The Fashion-MNIST training cases were skipped: ${fashionMnist.missing}`);
  console.error(skippedCases[0]);
} else {
  cases.push(mlpEpochCase(fashionMnist), cnnTrainingCase(fashionMnist));
}

// `--case <text>` runs only the cases whose name contains the text; the partial report is printed, not written.
// `--browser-only` runs only the page in Chromium, `--no-browser` only Node.
const caseFlag = process.argv.indexOf('--case');
const caseFilter = caseFlag === -1 ? undefined : process.argv[caseFlag + 1]?.toLowerCase();
const browserOnly = process.argv.includes('--browser-only');
const selectedCases = browserOnly
  ? []
  : caseFilter === undefined
    ? cases
    : cases.filter((benchCase) => benchCase.name.toLowerCase().includes(caseFilter));
const results: CaseResult[] = [];
for (const benchCase of selectedCases) {
  // Progress goes to stderr so that stdout carries only the Markdown report.
  console.error(benchCase.name);
  results.push(await runCase(benchCase));
}

// The same bench as a page in headless Chromium, reported next to Node's.
const machine = machineInfo(tfjsInfo, otherProcessesCpuShare());
let browserLines: string[];
const chromiumPath = findChromium();
if (process.argv.includes('--no-browser')) browserLines = [];
else if (chromiumPath === null) {
  browserLines = browserSection(undefined, "no Chromium found (install Debian's `chromium` or set CHROMIUM_PATH)");
} else {
  console.error('the bench page, in headless Chromium');
  try {
    const pageReport = await runInChromium(
      chromiumPath,
      { peak: machine.peak, caseFilter },
      'missing' in fashionMnist ? undefined : fashionMnist,
    );
    browserLines = browserSection(pageReport, undefined);
  } catch (error) {
    process.exitCode = 1;
    browserLines = browserSection(
      undefined,
      `the page failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
const report =
  markdownReport(machine, results, (performance.now() - benchStart) / 1000, skippedCases) +
  (browserLines.length > 0 ? `\n${browserLines.join('\n')}\n` : '');
console.log(report);
if (caseFilter === undefined && !browserOnly) {
  writeFileSync(reportPath, report);
  console.error(`wrote ${reportPath}`);
}

// A Tessera cell that failed or computed something else than tfjs is a bug; slow numbers are only reported.
const tesseraProblems = results.filter((result) => {
  if (result.cells.tessera.kind !== 'measured') return true;
  const difference = tesseraDifferenceFromTfjsCpu(result);
  return difference !== undefined && !(difference <= agreementTolerance);
});
if (tesseraProblems.length > 0) process.exitCode = 1;
