// Finding and launching Debian's headless Chromium, shared by the browser tests, the browser demo and the bench page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Flags for headless Chromium on a closed network (see shared/recipes/WEBGPU.md): no sandbox, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Makes requestAdapter() return an adapter in headless Chromium on Linux (SwiftShader when there is no GPU). */
export const WEBGPU_FLAG = '--enable-unsafe-webgpu';

/** Debian's Chromium (CHROMIUM_PATH overrides), or null; Playwright's own browser downloads do not work here. */
export function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return existsSync(configured) ? configured : null;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
