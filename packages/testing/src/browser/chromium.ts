// Debian's Chromium through playwright-core: never a downloaded browser (there is no download host here).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Flags that keep Chromium quiet and local: no QUIC, no component updates, no sync, no background fetches. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const defaultChromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Chromium context and how to dispose of it (close, then remove its profile directory). */
export interface LaunchedChromium {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Launches headless Chromium with a throwaway profile. A missing binary fails loudly, with the fix:
 * browser tests are never skipped.
 */
export async function launchChromium(executablePath: string = defaultChromiumPath()): Promise<LaunchedChromium> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `[devicemode:browser] Chromium not found at ${executablePath}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium binary). Never run `npx playwright install`: browser tests use the system Chromium.',
    );
  }
  // launch() refuses --user-data-dir in args; a persistent context takes the profile directory instead.
  const profile = mkdtempSync(join(tmpdir(), 'devicemode-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`[devicemode:browser] Chromium at ${executablePath} did not start: ${String(error)}`, {
      cause: error,
    });
  }
}
