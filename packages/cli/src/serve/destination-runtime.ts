// What the tester needs from a destination's code: name, schema, example settings, and its emulator as
// page script. Loaded from source (test/plan.ts holds the destination and its emulator).
import { join, relative } from 'node:path';
import type { SettingSchema } from '@devicemode/core';
import type { DestinationTestPlan, VendorEmulator } from '@devicemode/testing';
import { CliError } from '../cli-error';
import { readSettingsSchema } from '../destination-files';
import { loadSource } from '../load-module';
import { libraryNameOf } from '../names';
import { destinationDir } from '../repo';

export interface DestinationRuntime {
  slug: string;
  name: string;
  libraryName: string;
  schema: SettingSchema;
  exampleSettings: Record<string, unknown>;
  /** Vendor script URL prefixes the emulator answers. */
  scripts: string[];
  /** The script the service worker serves for those URLs. */
  emulatorCode: string;
}

/**
 * The emulator's script, recording into the tester's list for this destination: emulatorScript() records
 * into `window.__devicemodeCalls`, captured when the script starts, so it is swapped for a per-destination
 * sink just while the script runs.
 */
export function testerScript(slug: string, emulatorCode: string): string {
  return `(function () {
  var tester = window.__devicemodeTester;
  var previous = window.__devicemodeCalls;
  window.__devicemodeCalls = tester ? tester.sinkFor(${JSON.stringify(slug)}) : [];
  try {
${emulatorCode}
  } finally {
    if (previous === undefined) delete window.__devicemodeCalls;
    else window.__devicemodeCalls = previous;
  }
})();`;
}

/** Loads a destination for the tester. */
export async function loadRuntime(root: string, slug: string): Promise<DestinationRuntime> {
  const dir = destinationDir(root, slug);
  const plan = join(dir, 'test/plan.ts');
  const loaded = await loadSource<{
    plan?: DestinationTestPlan;
    emulatorScript: (emulator: VendorEmulator) => string;
  }>(
    root,
    `export { plan } from ${JSON.stringify(plan)};
export { emulatorScript } from ${JSON.stringify(join(root, 'packages/testing/src/emulator.ts'))};`,
    dir,
    relative(root, plan),
  );
  if (!loaded.plan?.destination?.definition || !loaded.plan.emulator)
    throw new CliError(`${relative(root, plan)} must export \`plan\` with its destination and emulator`);
  const { definition } = loaded.plan.destination;
  return {
    slug,
    name: definition.name,
    libraryName: libraryNameOf(slug),
    schema: readSettingsSchema(root, slug),
    exampleSettings: loaded.plan.settings,
    scripts: loaded.plan.emulator.scripts,
    emulatorCode: testerScript(slug, loaded.emulatorScript(loaded.plan.emulator)),
  };
}
