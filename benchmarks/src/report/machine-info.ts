import { createRequire } from 'node:module';
import os from 'node:os';
import type { TfjsBackendInfo } from '../frameworks/tfjs-backends';
import { type CpuPeak, cpuPeak } from './cpu-peak';

export interface MachineInfo {
  cpuModel: string;
  logicalCores: number;
  memoryGigabytes: number;
  platform: string;
  nodeVersion: string;
  tesseraVersion: string;
  tfjs: TfjsBackendInfo;
  date: string;
  /** Share of the machine's CPU time that other processes used during the bench (see startCpuContentionMeter). */
  otherProcessesCpuShare: number;
  /** The float32 peak from lscpu, where it is available. */
  peak: CpuPeak | undefined;
}

/** What a reader needs to judge the numbers: timings only compare within one machine and one run. */
export function machineInfo(tfjs: TfjsBackendInfo, otherProcessesCpuShare: number): MachineInfo {
  const cpus = os.cpus();
  const require = createRequire(import.meta.url);
  const tesseraPackage = require('@tessera/core/package.json') as { version: string };
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCores: cpus.length,
    memoryGigabytes: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    nodeVersion: process.version,
    tesseraVersion: tesseraPackage.version,
    tfjs,
    date: new Date().toISOString(),
    otherProcessesCpuShare,
    peak: cpuPeak(),
  };
}
