import type { Tensor } from '../tensor';

/** A set of tensors created while one `tidy` or `scope` was current; they are disposed when it closes. */
export interface ScopeFrame {
  readonly name: string;
  readonly tensors: Set<Tensor>;
  readonly parent: ScopeFrame | null;
  closed: boolean;
}

interface AsyncLocalStorageLike<T> {
  getStore(): T | undefined;
  run<R>(store: T, callback: () => R): R;
}

/**
 * Node's AsyncLocalStorage follows a scope through every `await`, so two async scopes running at the same time
 * do not steal each other's tensors. It is reached through `process.getBuiltinModule` so that core imports no
 * Node module and still bundles for browsers, where scopes fall back to a plain stack.
 */
function createAsyncContext(): AsyncLocalStorageLike<ScopeFrame> | null {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const asyncHooks = nodeProcess?.getBuiltinModule?.('node:async_hooks') as
    | { AsyncLocalStorage: new () => AsyncLocalStorageLike<ScopeFrame> }
    | undefined;
  return asyncHooks ? new asyncHooks.AsyncLocalStorage() : null;
}

export class ScopeManager {
  private readonly synchronousFrames: ScopeFrame[] = [];
  private readonly asyncContext = createAsyncContext();
  private readonly fallbackAsyncFrames: ScopeFrame[] = [];

  current(): ScopeFrame | null {
    let frame: ScopeFrame | null =
      this.synchronousFrames.at(-1) ??
      (this.asyncContext ? (this.asyncContext.getStore() ?? null) : (this.fallbackAsyncFrames.at(-1) ?? null));
    // Work scheduled inside a scope may run after it closed; its tensors belong to the nearest open scope.
    while (frame?.closed) frame = frame.parent;
    return frame;
  }

  track(tensor: Tensor): void {
    this.current()?.tensors.add(tensor);
  }

  enterSynchronous(name: string): ScopeFrame {
    const frame: ScopeFrame = { name, tensors: new Set(), parent: this.current(), closed: false };
    this.synchronousFrames.push(frame);
    return frame;
  }

  exitSynchronous(frame: ScopeFrame): void {
    const top = this.synchronousFrames.pop();
    if (top !== frame) throw new Error(`tidy: scopes closed out of order (internal error in '${frame.name}')`);
  }

  async runAsync<T>(name: string, body: () => Promise<T>): Promise<{ frame: ScopeFrame; result: T }> {
    const frame: ScopeFrame = { name, tensors: new Set(), parent: this.current(), closed: false };
    if (this.asyncContext) {
      const result = await this.asyncContext.run(frame, body);
      return { frame, result };
    }
    this.fallbackAsyncFrames.push(frame);
    try {
      return { frame, result: await body() };
    } finally {
      const index = this.fallbackAsyncFrames.lastIndexOf(frame);
      if (index >= 0) this.fallbackAsyncFrames.splice(index, 1);
    }
  }
}
