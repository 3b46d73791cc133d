import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The machine's float32 peak, derived from `lscpu`, so that GFLOP/s can be read as a share of it. */
export interface CpuPeak {
  physicalCores: number;
  gigahertz: number;
  /** float32 operations per cycle and core of the widest vector unit lscpu's flags name (two units assumed). */
  flopsPerCycle: number;
  unit: string;
  peakGigaflops: number;
  /** WebAssembly SIMD128 without fused multiply-add: 4-lane multiplies and adds on two pipes each. */
  simd128Gigaflops: number;
  /** Where the frequency came from: lscpu's maximum, /proc/cpuinfo's current value, or BogoMIPS / 2. */
  frequencySource: string;
}

function field(text: string, name: string): string | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

/** Reads `lscpu` (Linux); undefined where it is missing or says too little. */
export function cpuPeak(): CpuPeak | undefined {
  let text: string;
  try {
    text = execFileSync('lscpu', { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  } catch {
    return undefined;
  }
  const coresPerSocket = Number(field(text, 'Core(s) per socket'));
  const sockets = Number(field(text, 'Socket(s)') ?? 1);
  const flags = ` ${field(text, 'Flags') ?? ''} `;
  const physicalCores = coresPerSocket * sockets;
  let gigahertz = Number(field(text, 'CPU max MHz')) / 1000;
  let frequencySource = 'lscpu maximum';
  if (!(gigahertz > 0)) {
    const current = /cpu MHz\s*:\s*([\d.]+)/.exec(safeRead('/proc/cpuinfo'))?.[1];
    gigahertz = Number(current) / 1000;
    frequencySource = '/proc/cpuinfo';
  }
  if (!(gigahertz > 0)) {
    gigahertz = Number(field(text, 'BogoMIPS')) / 2000;
    frequencySource = 'BogoMIPS / 2';
  }
  if (!(physicalCores > 0) || !(gigahertz > 0)) return undefined;
  // Two vector units per core, each a fused multiply-add (2 operations) on every lane.
  const [lanes, unit] = flags.includes(' avx512f ')
    ? [16, 'AVX-512 + FMA']
    : flags.includes(' avx2 ') && flags.includes(' fma ')
      ? [8, 'AVX2 + FMA']
      : [4, 'SSE'];
  const flopsPerCycle = 2 * 2 * lanes;
  return {
    physicalCores,
    gigahertz,
    flopsPerCycle,
    unit,
    peakGigaflops: physicalCores * gigahertz * flopsPerCycle,
    simd128Gigaflops: physicalCores * gigahertz * 16,
    frequencySource,
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
