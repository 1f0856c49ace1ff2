import type { LogLevel, Logger } from './types';

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
/** Shared by every bundle on the page (each CDN bundle carries its own copy of core). */
const GLOBAL_KEY = '__devicemodeLogLevel';

/** Sets the log level of every devicemode destination on the page. Default: `warn`. */
export function setLogLevel(level: LogLevel): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = level;
}

/** The message format every devicemode log line and error uses. */
export const formatMessage = (slug: string, message: string): string => `[devicemode:${slug}] ${message}`;

/** The one logger: `[devicemode:<slug>] what happened: why`; silent below `warn` by default. */
export function createLogger(slug: string): Logger {
  const log = {} as Logger;
  LEVELS.forEach((level, rank) => {
    log[level as keyof Logger] = (message, ...details) => {
      let wanted = (globalThis as Record<string, unknown>)[GLOBAL_KEY];
      try {
        // Lets someone debug a live page without a deploy: localStorage['devicemode:log'] = 'debug'.
        wanted ??= localStorage['devicemode:log'];
      } catch {
        // No storage (sandboxed iframe, privacy mode): keep the default.
      }
      const threshold = LEVELS.indexOf(wanted as LogLevel);
      if (rank >= (threshold < 0 ? 2 : threshold))
        console[level as keyof Logger](formatMessage(slug, message), ...details);
    };
  });
  return log;
}

/** The message of anything thrown. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
