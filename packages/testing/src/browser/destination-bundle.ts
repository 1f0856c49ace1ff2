// Destination bundles for the page: built on the fly from source with esbuild, or read from a file
// Rollup built (dist/cdn/<slug>.js), with definition overrides (a short load timeout) appended.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { DestinationDefinition } from '@devicemode/core';
import type { DestinationBundle, RemotePluginSetting } from './types';

/** Definition fields a test may override in a bundle. */
export type DefinitionOverrides = Partial<
  Pick<DestinationDefinition<unknown, unknown>, 'loadTimeoutMs' | 'bufferSize'>
>;

/** Options of {@link bundleDestination}. */
export interface BundleOptions {
  /** The destination's source entry, e.g. `packages/destinations/mixpanel/src/index.ts`. */
  entry: string;
  /** The global to assign, `<camelCaseSlug>Destination`; the export of that name is used when there is one. */
  libraryName: string;
  /** Applied to the factory's definition once the bundle has run. */
  overrides?: DefinitionOverrides;
  /** tsconfig whose `paths` map `@devicemode/*` to sources. @default `tsconfig.base.json` in the cwd */
  tsconfig?: string;
}

/** Makes the plugins the bundle's factory creates use the overrides (core reads them per plugin). */
function withOverrides(code: string, libraryName: string, overrides: DefinitionOverrides = {}): string {
  if (Object.keys(overrides).length === 0) return code;
  return `${code}
;(function (factory) {
  if (!factory || !factory.definition) throw new Error('[devicemode:browser] window.${libraryName} is not a devicemode factory: cannot apply test overrides');
  Object.assign(factory.definition, ${JSON.stringify(overrides)});
})(window[${JSON.stringify(libraryName)}]);
`;
}

/**
 * Builds a CDN-style IIFE from a destination's source: the factory (the export named `libraryName`,
 * else the one export with `pluginName`) is assigned to `window[libraryName]`, as Rollup's CDN build does.
 */
export async function bundleDestination({
  entry,
  libraryName,
  overrides,
  tsconfig = resolve('tsconfig.base.json'),
}: BundleOptions): Promise<DestinationBundle> {
  const source = resolve(entry);
  const contents = `import * as destination from ${JSON.stringify(source)};
const exported = Object.keys(destination).map(function (key) { return destination[key]; });
const factory = destination[${JSON.stringify(libraryName)}] ||
  exported.filter(function (value) { return typeof value === 'function' && typeof value.pluginName === 'string'; })[0];
if (!factory) throw new Error('[devicemode:browser] ${source} exports no destination factory');
window[${JSON.stringify(libraryName)}] = factory;
`;
  try {
    const result = await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'ts', sourcefile: `${libraryName}.entry.ts` },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      tsconfig,
      write: false,
      logLevel: 'silent',
    });
    return { libraryName, code: withOverrides(result.outputFiles[0]!.text, libraryName, overrides) };
  } catch (error) {
    throw new Error(`[devicemode:browser] could not bundle ${source}: ${String(error)}`, { cause: error });
  }
}

/** Reads a bundle Rollup built (`dist/cdn/<slug>.js`); run `npm run build` first if it is missing. */
export function readDestinationBundle(
  file: string,
  libraryName: string,
  overrides?: DefinitionOverrides,
): DestinationBundle {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`[devicemode:browser] cannot read the bundle ${file}: build it first (\`npm run build\`)`, {
      cause: error,
    });
  }
  return { libraryName, code: withOverrides(code, libraryName, overrides) };
}

/** A `cdnSettings.remotePlugins` entry for a bundle served at `url`; `creationName` defaults to `name`. */
export function remotePlugin(
  bundle: DestinationBundle,
  url: string,
  { name, creationName = name, settings }: { name: string; creationName?: string; settings: Record<string, unknown> },
): RemotePluginSetting {
  return { name, creationName, url, libraryName: bundle.libraryName, settings };
}
