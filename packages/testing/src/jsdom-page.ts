// jsdom neither fetches nor runs <script src>: this plays the vendor's server and script for a test.
import { answers, EMULATED_FAILURE } from './emulator';
import type { Fault, VendorCall, VendorEmulator } from './emulator';

/** A vendor served into the jsdom page. */
export interface ServedVendor {
  /** Every vendor call so far, in order. */
  calls: VendorCall[];
  /** The src of every script the page requested from this vendor, in order. */
  requested: string[];
  /** Stops answering. */
  stop: () => void;
}

/** Options of {@link serveVendor}. */
export interface ServeOptions {
  fault?: Fault;
  /** Milliseconds before the script "arrives". @default 1 */
  delayMs?: number;
}

/**
 * Answers the page's requests for the emulator's scripts: runs the emulated script (or its fault) and
 * fires `load` or `error` on the tag, as a browser would.
 */
export function serveVendor(
  emulator: VendorEmulator,
  { fault = 'none', delayMs = 1 }: ServeOptions = {},
): ServedVendor {
  const calls: VendorCall[] = [];
  const requested: string[] = [];
  const record = (name: string, ...args: unknown[]): void => {
    if (fault === 'throw-on-call') throw new Error(`${EMULATED_FAILURE}: call`);
    calls.push([name, ...args]);
  };
  const respond = (script: HTMLScriptElement): void => {
    requested.push(script.src);
    if (fault === 'hang') return;
    setTimeout(() => {
      if (fault === 'not-found') return void script.dispatchEvent(new Event('error'));
      // A browser reports an exception thrown by a script to window.onerror and still fires `load`.
      try {
        if (fault === 'throw-on-init') throw new Error(`${EMULATED_FAILURE}: init`);
        if (fault !== 'never-ready') emulator.install(window as unknown as Record<string, unknown>, record);
      } catch (error) {
        // Message only: jest's jsdom environment escalates an ErrorEvent carrying `error` to the test.
        window.dispatchEvent(
          new ErrorEvent('error', { message: String(error instanceof Error ? error.message : error) }),
        );
      }
      script.dispatchEvent(new Event('load'));
    }, delayMs);
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of Array.from(mutation.addedNodes)) {
        if (node instanceof HTMLScriptElement && answers(emulator, node.src)) respond(node);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return { calls, requested, stop: () => observer.disconnect() };
}

// Guarded so tools can load fixture plans in plain Node (no window), e.g. for docs and governance.
const baseline = new Set(typeof window === 'undefined' ? [] : Object.keys(window));

/** Globals the page has now that a fresh jsdom page did not. */
export function addedGlobals(): string[] {
  return Object.keys(window).filter((key) => !baseline.has(key));
}

/** Empties the document and removes every global added since the page started. */
export function resetPage(): void {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  for (const key of addedGlobals()) delete (window as unknown as Record<string, unknown>)[key];
}

/** Scripts on the page whose src one of the emulator's URLs answers. */
export function vendorScripts(emulator: VendorEmulator): HTMLScriptElement[] {
  return Array.from(document.scripts).filter((script) => answers(emulator, script.src));
}
