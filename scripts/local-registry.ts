// A throwaway npm registry (Verdaccio) on 127.0.0.1 for package tests: temp storage, no uplinks, stopped
// by the caller. Publishing uses `lerna publish from-package`, as a real release does.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** A running registry. */
export interface Registry {
  url: string;
  /** An npmrc holding a token for it. */
  npmrc: string;
  stop: () => Promise<void>;
  log: () => string;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts Verdaccio; resolves once it answers. `stop()` kills it (by PID) and deletes its storage. */
export async function startRegistry(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'devicemode-registry-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${join(dir, 'storage')}`,
      'auth: { htpasswd: { file: ' + join(dir, 'htpasswd') + ', max_users: -1 } }',
      'uplinks: {}',
      "packages: { '@devicemode/*': { access: $all, publish: $all, unpublish: $all }, '**': { access: $all } }",
      'log: { type: stdout, format: pretty, level: warn }',
    ].join('\n'),
  );
  // Any token lets npm publish; Verdaccio here lets anyone publish the scope.
  writeFileSync(join(dir, 'npmrc'), `//127.0.0.1:${port}/:_authToken=local-test-token\n`);
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      join(dir, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 100) {
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || waited > 20_000) {
      await stop();
      throw new Error(`Verdaccio did not start on ${url}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, npmrc: join(dir, 'npmrc'), stop, log: () => log };
}

/**
 * Publishes every workspace package at its current version with `lerna publish from-package`, as a
 * release does. lerna refuses a dirty tree and a test runs beside work in progress, so it publishes from a
 * clean local clone of HEAD with each package's built dist/ copied in (dist/ is ignored by git).
 */
export async function publishAll(registry: Registry): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), 'devicemode-publish-'));
  try {
    await run('git', ['clone', '--quiet', '--local', ROOT, clone]);
    const { stdout: files } = await run(
      'git',
      ['ls-files', 'packages/*/package.json', 'packages/destinations/*/package.json'],
      { cwd: ROOT },
    );
    for (const file of files.split('\n').filter(Boolean)) {
      const dir = dirname(file);
      if (!existsSync(join(ROOT, dir, 'dist')))
        throw new Error(`${dir} has no dist/: run \`npm run build\` before publishing`);
      cpSync(join(ROOT, dir, 'dist'), join(clone, dir, 'dist'), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    // npm reads lower-case npm_config_* (set by npx and npm run) before upper-case: set both.
    const env = { ...process.env, NPM_CONFIG_USERCONFIG: registry.npmrc, npm_config_userconfig: registry.npmrc };
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/lerna'),
      ['publish', 'from-package', '--registry', registry.url, '--yes', '--no-private', '--loglevel', 'warn'],
      { cwd: clone, env, maxBuffer: 1 << 24 },
    );
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `publishing to ${registry.url} failed: ${failed.message}\n${failed.stderr ?? ''}${failed.stdout ?? ''}`,
      { cause: error },
    );
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}
