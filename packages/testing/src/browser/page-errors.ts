// Errors a page reports, told apart: the emulator's deliberate failures are expected, nothing else is.
import type { Page } from 'playwright-core';
import { EMULATED_FAILURE } from '../emulator';
import type { PageError } from './types';

const classify = (source: PageError['source'], message: string): PageError => ({
  source,
  message,
  deliberate: message.includes(EMULATED_FAILURE),
});

/** Records the page's uncaught errors (exceptions, unhandled rejections) and `console.error` lines into `errors`. */
export function collectPageErrors(page: Page, errors: PageError[]): void {
  page.on('pageerror', (error) => errors.push(classify('uncaught', `${error.name}: ${error.message}`)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(classify('console', message.text()));
  });
}

/**
 * Errors that are not the emulator's deliberate ones. `allowed` excuses console lines only (a
 * destination's own `[devicemode:<slug>]` log of a failure it handled, a resource the test made fail):
 * an uncaught error is never excused.
 */
export function unexpectedErrors(errors: PageError[], allowed: RegExp[] = []): PageError[] {
  return errors.filter(
    (error) =>
      !error.deliberate && !(error.source === 'console' && allowed.some((pattern) => pattern.test(error.message))),
  );
}
