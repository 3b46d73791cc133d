import { describeBackend } from '@tessera/backend-testkit';
import { describe } from 'vitest';
import { createTestBackend, reportSkip } from './test-support/webgpu-test-backend';

// Probe once: without a WebGPU adapter (no Vulkan driver), the whole suite is skipped with the reason printed.
const probe = await createTestBackend();
reportSkip('testkit conformance', probe.skipReason);
probe.backend?.destroy?.();

describe.skipIf(probe.skipReason !== null)('@tessera/backend-testkit on the WebGPU backend (Dawn)', () => {
  describeBackend(
    async () => {
      const created = await createTestBackend();
      if (created.backend === null) throw new Error(created.skipReason);
      return created.backend;
    },
    { name: 'webgpu', shapes: 'full' },
  );
});
