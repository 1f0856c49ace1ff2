/** How an emulated vendor script misbehaves. */
export type Fault = 'none' | 'not-found' | 'hang' | 'throw-on-init' | 'throw-on-call' | 'never-ready';

/** Every fault a conformance run injects. */
export const FAULTS: readonly Exclude<Fault, 'none'>[] = [
  'not-found',
  'hang',
  'throw-on-init',
  'throw-on-call',
  'never-ready',
];

/** Records one vendor call: `record('mixpanel.track', 'Order Completed', { … })`. */
export type Recorder = (name: string, ...args: unknown[]) => void;

/** One recorded vendor call: its name, then its arguments. */
export type VendorCall = [string, ...unknown[]];

/**
 * A stand-in for a vendor's script: what the real script does to the page once it has loaded
 * (install the API, replay what the snippet stub queued), with every call recorded.
 */
export interface VendorEmulator {
  /** The vendor, for messages. */
  vendor: string;
  /** URL prefixes the emulator answers (the destination's default script URLs). */
  scripts: string[];
  /** Globals the vendor's own snippet and script create; anything else a destination adds is a leak. */
  globals: string[];
  /**
   * The script body. It is serialised into pages with `Function.prototype.toString`, so it must be
   * self-contained: no imports, no closure variables; only `win` and `record`.
   */
  install: (win: Record<string, any>, record: Recorder) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Declares an emulator (identity, for types). */
export function defineEmulator(emulator: VendorEmulator): VendorEmulator {
  return emulator;
}

/** The message an emulated vendor throws with, so tests can tell it from real failures. */
export const EMULATED_FAILURE = 'emulated vendor failure';

/** True when `src` is one of the emulator's scripts. */
export function answers(emulator: VendorEmulator, src: string): boolean {
  return emulator.scripts.some((prefix) => src.startsWith(prefix));
}

/**
 * `install` as a function expression: an emulator written with method syntax (`install(win, record) {…}`)
 * serialises to text that is not one, so it gets the `function` keyword it lacks.
 */
function installSource(install: VendorEmulator['install']): string {
  const source = install.toString().trim();
  if (/^(async\s+)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.test(source)) return source;
  return source.startsWith('async ') ? `async function ${source.slice(6)}` : `function ${source}`;
}

/**
 * The emulated script as text, for a real browser: records into `window.__devicemodeCalls`
 * (JSON-cloned at call time, as a network request would freeze them) and applies the fault.
 */
export function emulatorScript(emulator: VendorEmulator, fault: Fault = 'none'): string {
  return `(function () {
  var calls = (window.__devicemodeCalls = window.__devicemodeCalls || []);
  var fault = ${JSON.stringify(fault)};
  if (fault === 'never-ready') return;
  if (fault === 'throw-on-init') throw new Error(${JSON.stringify(`${EMULATED_FAILURE}: init`)});
  var record = function () {
    if (fault === 'throw-on-call') throw new Error(${JSON.stringify(`${EMULATED_FAILURE}: call`)});
    calls.push(JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments))));
  };
  (${installSource(emulator.install)})(window, record);
})();`;
}
