// emulatorScript() inlines `install.toString()` as an expression; an emulator written with method
// syntax (`install(win, record) { … }`, as Beacon's is) serialises to text that is not one, and the
// page throws a SyntaxError. This gives such an install the `function` keyword it needs.
import { emulatorScript } from '../emulator';
import type { Fault, VendorEmulator } from '../emulator';

/** True when the source already reads as a function expression (function, arrow, class-free). */
const isExpression = (source: string): boolean =>
  /^(async\s+)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.test(source.trim());

/** `emulatorScript` for any emulator, whatever syntax its `install` was written in. */
export function browserEmulatorScript(emulator: VendorEmulator, fault: Fault): string {
  const source = emulator.install.toString();
  if (isExpression(source)) return emulatorScript(emulator, fault);
  const expression = `function ${source.trim().replace(/^async\s+/, '')}`;
  const install = Object.assign(() => undefined, { toString: () => expression });
  return emulatorScript({ ...emulator, install }, fault);
}
