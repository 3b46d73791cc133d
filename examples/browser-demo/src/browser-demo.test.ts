import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from './server/build-page';
import { CHROMIUM_FLAGS, findChromium } from './server/find-chromium';
import { DEBIAN_FASHION_MNIST, fashionMnistAvailable, writeSubsetFile } from './server/prepare-data';
import { type RunningServer, startStaticServer } from './server/static-server';
import { SUBSET_FILE_NAME } from './subset-format';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const chromiumPath = findChromium();
const requireWebGpu = process.env.TESSERA_REQUIRE_WEBGPU === '1';
if (chromiumPath === null && requireWebGpu) {
  throw new Error('browser demo: TESSERA_REQUIRE_WEBGPU=1 but no Chromium was found (apt-get install chromium)');
}
const skipReason =
  chromiumPath === null
    ? 'no Chromium found (install Debian\'s "chromium" or set CHROMIUM_PATH)'
    : !fashionMnistAvailable()
      ? `no Fashion-MNIST in ${DEBIAN_FASHION_MNIST} (apt-get install dataset-fashion-mnist)`
      : null;
if (skipReason !== null) console.warn(`[browser demo end-to-end] skipped: ${skipReason}`);

interface PageState {
  state?: string;
  backend?: string;
  epochs?: string;
  batches?: string;
  chartPoints?: string;
  testAccuracy?: string;
  error?: string;
}

/** The end-to-end tests, registered only where Chromium and the data set are present. */
function describeEndToEnd(): void {
  describe('browser demo in headless Chromium (end to end)', () => {
    const siteDirectory = mkdtempSync(join(tmpdir(), 'tessera-browser-demo-site-'));
    // Kept after the run so the pictures can be looked at.
    const screenshotDirectory = mkdtempSync(join(tmpdir(), 'tessera-browser-demo-screenshots-'));
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      writeSubsetFile(join(siteDirectory, SUBSET_FILE_NAME), { trainExamples: 5000, testExamples: 1000 });
      await buildPage(siteDirectory);
      server = await startStaticServer(siteDirectory);
      browser = await chromium.launch({ executablePath: chromiumPath ?? undefined, args: CHROMIUM_FLAGS });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      rmSync(siteDirectory, { recursive: true, force: true });
    });

    /** Loads the page and waits until training has finished or failed; page errors are kept for the message. */
    async function train(query: string, timeoutMilliseconds: number): Promise<{ page: Page; state: PageState }> {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${server.url}${query}`);
      await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), undefined, {
        timeout: timeoutMilliseconds,
        polling: 250,
      });
      const state = await page.evaluate(() => ({ ...document.body.dataset }) as PageState);
      expect(state.error, `page error; console: ${consoleErrors.join(' | ')}`).toBeUndefined();
      expect(state.state).toBe('done');
      return { page, state };
    }

    async function expectChartAndGallery(
      page: Page,
      state: PageState,
      epochs: number,
      batchSize: number,
    ): Promise<void> {
      const batchesPerEpoch = Math.ceil(5000 / batchSize);
      expect(Number(state.epochs)).toBe(epochs);
      expect(Number(state.batches)).toBe(epochs * batchesPerEpoch);
      expect(Number(state.chartPoints)).toBe(Number(state.batches));
      // The model learns: above 60% on the test images after an epoch on 5000 (chance is 10%).
      expect(Number(state.testAccuracy)).toBeGreaterThan(0.6);
      const inkedPixels = await page.evaluate(() => {
        const canvas = document.getElementById('chart') as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let count = 0;
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) count++;
        return count;
      });
      expect(inkedPixels).toBeGreaterThan(1000);
      expect(await page.locator('#predictions figure').count()).toBe(12);
    }

    async function screenshot(page: Page, name: string): Promise<string> {
      const path = join(screenshotDirectory, name);
      await page.screenshot({ path, fullPage: true });
      const bytes = readFileSync(path);
      expect(Array.from(bytes.subarray(0, 8))).toEqual(PNG_SIGNATURE);
      expect(bytes.length).toBeGreaterThan(5000);
      console.log(`[browser demo] screenshot: ${path}`);
      return path;
    }

    it('trains on WebGPU (navigator.gpu) for 2 epochs of batches of 128, drawing the chart and the predictions', async () => {
      // Batches of 128 halve the dispatches per epoch: SwiftShader runs each one on the CPU.
      const { page, state } = await train('?epochs=2&batchSize=128', 240_000);
      expect(state.backend).toBe('webgpu');
      await expectChartAndGallery(page, state, 2, 128);
      await screenshot(page, 'browser-demo-webgpu.png');
      await page.close();
    }, 300_000);

    it('falls back to the CPU backend (?backend=cpu) and trains the same way', async () => {
      const { page, state } = await train('?epochs=1&batchSize=64&backend=cpu', 120_000);
      expect(state.backend).toBe('cpu');
      expect(await page.locator('#status').textContent()).toContain('CPU (fallback: asked for with ?backend=cpu)');
      await expectChartAndGallery(page, state, 1, 64);
      await screenshot(page, 'browser-demo-cpu.png');
      await page.close();
    }, 180_000);
  });
}

if (skipReason === null) {
  describeEndToEnd();
} else {
  // One skipped test carrying the reason, rather than every test registered as skipped.
  it.skip(`browser demo end to end (skipped: ${skipReason})`, () => {});
}
