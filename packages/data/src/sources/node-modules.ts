/** The few Node built-ins the file loaders need, reached without a static import so browsers can bundle this package. */
export interface NodeFileSystem {
  existsSync(path: string): boolean;
  promises: {
    readFile(path: string): Promise<Uint8Array>;
    writeFile(path: string, data: Uint8Array): Promise<void>;
    mkdir(path: string, options: { recursive: true }): Promise<unknown>;
    rename(from: string, to: string): Promise<void>;
    rm(path: string, options: { force: true }): Promise<void>;
  };
}

interface NodeProcess {
  env: Record<string, string | undefined>;
  getBuiltinModule?: (name: string) => unknown;
}

export function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

export function nodeFileSystem(): NodeFileSystem | undefined {
  return nodeProcess()?.getBuiltinModule?.('node:fs') as NodeFileSystem | undefined;
}

export function nodeHomeDirectory(): string | undefined {
  const os = nodeProcess()?.getBuiltinModule?.('node:os') as { homedir(): string } | undefined;
  return os?.homedir();
}

export function joinPath(directory: string, name: string): string {
  return directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`;
}
