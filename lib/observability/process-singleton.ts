import "server-only";

/**
 * One instance per process. Next bundles instrumentation.ts and each route separately, so a
 * module-level value can exist several times (and dev reloads re-create it): metrics would
 * register twice and a request's stage clock would not be the one the engine reports to.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ocr-platform.${name}`);
  const store = globalThis as Record<symbol, unknown>;
  return (store[key] ??= create()) as T;
}
