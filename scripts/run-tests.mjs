#!/usr/bin/env node
// Runs every test in the repository once with Vitest (root vitest.config.ts, which reads the packages' sources),
// then prints one summary line `N passed, N failed[, N skipped]` that CI and people can rely on.
//
// Usage: node scripts/run-tests.mjs [vitest arguments...]   e.g. `pnpm test packages/core/src/ops`
//
// Vitest's own summary counts files and tests in several lines and colours; CI needs one stable line that it can
// add its other checks to, so we ask Vitest for its JSON report as well and count from that.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Resolves Vitest's CLI from the root install, so the script does not depend on `node_modules/.bin` shims. */
function findVitestCli() {
  const require = createRequire(join(repositoryRoot, 'package.json'));
  const packageJsonPath = require.resolve('vitest/package.json');
  const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  const binary = typeof packageJson.bin === 'string' ? packageJson.bin : packageJson.bin.vitest;
  return join(dirname(packageJsonPath), binary);
}

/** Runs a command with inherited output and resolves with its exit code (signals count as failure). */
function run(command, commandArguments) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArguments, { cwd: repositoryRoot, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`run-tests: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/**
 * Counts tests from Vitest's JSON report. A test file that fails before any test runs (a syntax error, a failing
 * import) has no test results; it counts as one failure so that the summary line never reads `0 failed` for a red run.
 */
function countResults(report) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const brokenFiles = [];
  for (const file of report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    for (const assertion of assertions) {
      if (assertion.status === 'passed') passed += 1;
      else if (assertion.status === 'failed') failed += 1;
      else skipped += 1; // 'skipped', 'pending', 'todo', 'disabled'
    }
    const fileFailedWithoutFailedTest =
      file.status === 'failed' && !assertions.some((assertion) => assertion.status === 'failed');
    if (fileFailedWithoutFailedTest) {
      failed += 1;
      brokenFiles.push(file.name);
    }
  }
  return { passed, failed, skipped, brokenFiles };
}

function formatSummary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function main() {
  // `pnpm test -- filter` forwards the separator too; Vitest would read everything after it as file filters anyway,
  // but dropping it keeps the command line we print honest.
  const forwardedArguments = process.argv.slice(2).filter((argument, index) => !(index === 0 && argument === '--'));
  const reportDirectory = mkdtempSync(join(tmpdir(), 'tessera-tests-'));
  const reportPath = join(reportDirectory, 'vitest-report.json');

  try {
    const vitestExitCode = await run(process.execPath, [
      findVitestCli(),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportPath}`,
      ...forwardedArguments,
    ]);

    let report;
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8'));
    } catch {
      // No report means Vitest stopped before running anything (bad config, no test files, a crash).
      console.error(`run-tests: Vitest wrote no JSON report (exit code ${vitestExitCode}).`);
      console.log(formatSummary({ passed: 0, failed: 0, skipped: 0 }));
      return 1;
    }

    const counts = countResults(report);
    for (const fileName of counts.brokenFiles) {
      console.error(
        `run-tests: ${relative(repositoryRoot, fileName)} failed before its tests ran (counted as 1 failure).`,
      );
    }
    const total = counts.passed + counts.failed;
    if (total === 0) console.error('run-tests: no tests ran; that counts as a failure.');
    if (vitestExitCode !== 0 && counts.failed === 0 && total > 0) {
      console.error(`run-tests: Vitest exited with code ${vitestExitCode} although no test failed.`);
    }
    console.log(formatSummary(counts));
    return vitestExitCode !== 0 || counts.failed > 0 || total === 0 ? 1 : 0;
  } finally {
    rmSync(reportDirectory, { recursive: true, force: true });
  }
}

process.exitCode = await main();
