import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Flags that make headless Chromium offer WebGPU (SwiftShader when there is no GPU) and keep it off the network.
 * Without `--enable-unsafe-webgpu`, requestAdapter() returns null in headless Chromium on Linux.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

/** Debian's Chromium (CHROMIUM_PATH overrides), or null; Playwright's browser downloads are never used. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return existsSync(configured) ? configured : null;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
