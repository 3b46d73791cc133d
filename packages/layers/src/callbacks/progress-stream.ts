/** Where the progress bar writes: `process.stdout` in Node, or anything with the same `write`/`isTTY`/`columns`. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width; live lines are kept shorter than this so `\r` can redraw them. */
  columns?: number;
}

interface NodeProcessLike {
  stdout?: ProgressStream;
  env?: Record<string, string | undefined>;
}

function nodeProcess(): NodeProcessLike | undefined {
  return (globalThis as { process?: NodeProcessLike }).process;
}

/** `process.stdout` where there is one; otherwise (browsers) each finished line goes to `console.log`. */
export function defaultProgressStream(): ProgressStream {
  const stdout = nodeProcess()?.stdout;
  if (stdout !== undefined && typeof stdout.write === 'function') return stdout;
  return { write: (text: string) => console.log(text.replace(/\n$/, '')) };
}

/** The process environment, or an empty one outside Node. */
export function processEnvironment(): Record<string, string | undefined> {
  return nodeProcess()?.env ?? {};
}

/** CI services set `CI`; their logs keep every `\r` redraw, so a live bar would flood them. */
export function isContinuousIntegration(environment: Record<string, string | undefined>): boolean {
  const value = environment.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
