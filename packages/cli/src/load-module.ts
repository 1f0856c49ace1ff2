// Loads the repository's TypeScript (settings, fixture tables, emulators) into the CLI's own process.
// esbuild bundles from source with the repo's tsconfig paths, so nothing has to be built first.
// `@jest/globals` throws when imported outside jest; it is replaced by a stub so that a fixture table
// that imports it (the kit no longer does) still loads as data.
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { runInThisContext } from 'node:vm';
import { build, type Message, type Plugin } from 'esbuild';
import { CliError } from './cli-error';

const STUB_NAMESPACE = 'devicemode-stub';

const repoModules: Plugin = {
  name: 'devicemode-repo-modules',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@jest\/globals$/ }, () => ({ path: '@jest/globals', namespace: STUB_NAMESPACE }));
    esbuild.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, () => ({
      contents:
        'const noop = () => undefined; module.exports = { describe: noop, it: noop, test: noop, expect: noop, beforeAll: noop, afterAll: noop, beforeEach: noop, afterEach: noop, jest: {} };',
      loader: 'js',
    }));
    // Workspace packages are bundled from source (tsconfig paths); everything else stays a require().
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@devicemode/') ? undefined : { path: args.path, external: true },
    );
  },
};

const where = (root: string, message: Message): string =>
  message.location ? ` (${relative(root, join(root, message.location.file))}:${message.location.line})` : '';

/**
 * Evaluates `source` (TypeScript, imports relative to `resolveDir`) and returns its exports.
 * `what` names the files for messages, e.g. `packages/destinations/mixpanel/test/plan.ts`.
 */
export async function loadSource<T>(root: string, source: string, resolveDir: string, what: string): Promise<T> {
  let code: string;
  try {
    const result = await build({
      stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: 'devicemode-entry.ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      absWorkingDir: root,
      tsconfig: join(root, 'tsconfig.base.json'),
      plugins: [repoModules],
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as { errors?: Message[] }).errors?.[0];
    const detail = first ? `${first.text}${where(root, first)}` : String(error);
    throw new CliError(`could not compile ${what}: ${detail}`, 'fix the error, then run the command again');
  }
  const filename = join(resolveDir, 'devicemode-entry.cjs');
  const module = { exports: {} as T };
  try {
    const run = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {
      filename,
    }) as (...args: unknown[]) => void;
    run(module.exports, createRequire(filename), module, filename, resolveDir);
  } catch (error) {
    throw new CliError(
      `${what} threw while loading: ${error instanceof Error ? error.message : String(error)}`,
      'fix the error, then run the command again',
    );
  }
  return module.exports;
}

/** Evaluates one TypeScript file and returns its exports. */
export function loadModule<T>(root: string, file: string): Promise<T> {
  return loadSource<T>(root, `export * from ${JSON.stringify(file)};`, root, relative(root, file));
}
