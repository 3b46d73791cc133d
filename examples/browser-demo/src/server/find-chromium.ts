// The browser demo's test and server launch Chromium with WebGPU on; the finding is shared with the other browser runs.
import { CHROMIUM_FLAGS as BASE_FLAGS, findChromium, WEBGPU_FLAG } from '../../../../scripts/chromium.mjs';

export { findChromium };

/** The shared headless flags plus WebGPU (without it requestAdapter() returns null in headless Chromium on Linux). */
export const CHROMIUM_FLAGS = [...BASE_FLAGS, WEBGPU_FLAG];
