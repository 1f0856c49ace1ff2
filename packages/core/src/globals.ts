/** Reads a typed global: each vendor declares its global's type once and reads it here. */
export function readGlobal<T>(win: Window, key: string): T | undefined {
  return (win as unknown as Record<string, T | undefined>)[key];
}

/** Installs `create()` at `window[key]` unless something is there already; returns what is there. */
export function ensureGlobal<T>(win: Window, key: string, create: () => T): T {
  const globals = win as unknown as Record<string, unknown>;
  if (globals[key] === undefined || globals[key] === null) globals[key] = create();
  return globals[key] as T;
}

/** A function that queues its calls (`stub.q`), the shape of most vendors' snippet stubs. */
export interface QueueStub<A extends unknown[] = unknown[]> {
  (...args: A): void;
  q: A[];
}

/** Creates a {@link QueueStub}. */
export function createQueueStub<A extends unknown[] = unknown[]>(): QueueStub<A> {
  const stub = ((...args: A) => void stub.q.push(args)) as QueueStub<A>;
  stub.q = [];
  return stub;
}

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
