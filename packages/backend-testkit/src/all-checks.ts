import type { BackendCheck } from './check';
import { ELEMENTWISE_CHAIN_CHECK } from './checks/elementwise-chain-check';
import { ELEMENTWISE_CHECKS } from './checks/elementwise-checks';
import { GRADIENT_CHECKS } from './checks/gradient-checks';
import { LAYOUT_CHECKS } from './checks/layout-checks';
import { MEMORY_CHECKS } from './checks/memory-checks';
import { OPTIONAL_KERNEL_CHECKS } from './checks/optional-kernel-checks';
import { RANDOM_CHECKS } from './checks/random-checks';
import { READ_CHECKS } from './checks/read-checks';
import { REDUCTION_CHECKS } from './checks/reduction-checks';
import { SELECTION_CHECKS } from './checks/selection-checks';

/** Every check the kit runs, kernel checks first (required, then optional), then the other areas. */
export const ALL_CHECKS: readonly BackendCheck[] = [
  ...ELEMENTWISE_CHECKS,
  ...SELECTION_CHECKS,
  ...REDUCTION_CHECKS,
  ...LAYOUT_CHECKS,
  ...RANDOM_CHECKS.filter((check) => check.area === 'kernels'),
  ...OPTIONAL_KERNEL_CHECKS,
  ELEMENTWISE_CHAIN_CHECK,
  ...GRADIENT_CHECKS,
  ...MEMORY_CHECKS,
  ...READ_CHECKS,
  ...RANDOM_CHECKS.filter((check) => check.area !== 'kernels'),
];
