import { InvalidArgumentError } from '@tessera/core';
import type { Layer } from '../layer';
import type { LayerConfig } from '../util/json-value';
import { builtinLayerClasses } from './builtin-layer-classes';

/** A layer class that can be rebuilt from its `getConfig()`. */
export type LayerClass = new (config: LayerConfig) => Layer;

const customLayerClasses = new Map<string, LayerClass>();

/** Makes a custom layer class loadable: `loadModel` rebuilds layers whose `className` is `className`. */
export function registerLayer(className: string, layerClass: LayerClass): void {
  if (typeof className !== 'string' || className.length === 0) {
    throw new InvalidArgumentError(`registerLayer: className must be a non-empty string, got ${String(className)}`);
  }
  if (typeof layerClass !== 'function') {
    throw new InvalidArgumentError(
      `registerLayer: expected a layer class for '${className}', got ${typeof layerClass}`,
    );
  }
  customLayerClasses.set(className, layerClass);
}

/** Rebuilds a layer from its class name and configuration (as written by `getConfig`). */
export function layerFromConfig(className: unknown, config: unknown, context: string): Layer {
  if (typeof className !== 'string') {
    throw new InvalidArgumentError(`${context}: a layer's className must be a string, got ${typeof className}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InvalidArgumentError(`${context}: the config of layer ${className} must be an object`);
  }
  const builtins = builtinLayerClasses();
  const layerClass = Object.hasOwn(builtins, className) ? builtins[className] : customLayerClasses.get(className);
  if (layerClass === undefined) {
    throw new InvalidArgumentError(
      `${context}: unknown layer class '${className}'; register custom layers with registerLayer('${className}', TheClass)`,
    );
  }
  return new layerClass(withNestedLayers(config as LayerConfig, context) as LayerConfig);
}

/**
 * Configs of wrappers (`Bidirectional.layer`, `RNN.cell`, `TimeDistributed.layer`) hold inner layers as
 * `{ className, config }`; they are built here, through this registry, so custom inner layers load too and layer
 * modules never need to import the registry (which imports them).
 */
function withNestedLayers(config: LayerConfig, context: string): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const nested =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as { className?: unknown }).className === 'string' &&
      typeof (value as { config?: unknown }).config === 'object';
    resolved[key] = nested
      ? layerFromConfig((value as { className: string }).className, (value as { config: unknown }).config, context)
      : value;
  }
  return resolved;
}
