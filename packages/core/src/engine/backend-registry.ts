import type { Backend } from '../backend/backend-definition';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { BackendNotFoundError, InvalidArgumentError } from '../errors';

interface RegistryEntry {
  backend: Backend;
  priority: number;
  initialized: boolean;
}

/**
 * Holds the registered backends and the current one. Nothing registers itself on import; the CPU backend is
 * created on first use when no other backend was chosen, so core trains out of the box.
 */
export class BackendRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  private currentEntry: RegistryEntry | null = null;

  register(backend: Backend, priority = 1): void {
    if (backend?.isTesseraBackend !== true) {
      throw new InvalidArgumentError('registerBackend: expected a backend made by defineBackend(...)');
    }
    if (this.entries.has(backend.name)) {
      throw new InvalidArgumentError(`registerBackend: a backend named '${backend.name}' is already registered`);
    }
    this.entries.set(backend.name, { backend, priority, initialized: backend.initialize === undefined });
  }

  remove(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    if (this.currentEntry === entry) this.currentEntry = null;
    entry.backend.destroy?.();
  }

  names(): string[] {
    this.ensureCpu();
    return [...this.entries.keys()];
  }

  async select(name: string): Promise<Backend> {
    this.ensureCpu();
    const entry = this.entries.get(name);
    if (!entry) {
      throw new BackendNotFoundError(
        `setBackend: no backend named '${name}' is registered; registered: ${[...this.entries.keys()].join(', ')}`,
      );
    }
    if (!entry.initialized) {
      await entry.backend.initialize?.();
      entry.initialized = true;
    }
    this.currentEntry = entry;
    return entry.backend;
  }

  find(name: string): Backend | undefined {
    this.ensureCpu();
    return this.entries.get(name)?.backend;
  }

  /** The current backend; without a choice, the highest-priority initialized one (the CPU backend by default). */
  current(): Backend {
    if (this.currentEntry) return this.currentEntry.backend;
    this.ensureCpu();
    let best: RegistryEntry | null = null;
    for (const entry of this.entries.values()) {
      if (entry.initialized && (best === null || entry.priority > best.priority)) best = entry;
    }
    this.currentEntry = best;
    return (best as RegistryEntry).backend;
  }

  private ensureCpu(): void {
    if (!this.entries.has('cpu'))
      this.entries.set('cpu', { backend: createCpuBackend(), priority: 0, initialized: true });
  }
}
