export * from '../../packages/core/src/index';
export * from '../../packages/core/src/exports/nn-ops';
export * from '../../packages/core/src/exports/reduction-and-shape-ops';
