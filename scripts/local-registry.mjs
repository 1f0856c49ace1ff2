// A throwaway npm registry (Verdaccio) on 127.0.0.1 for package tests: temp storage, no uplinks, stopped
// by the caller. Publishing uses `lerna publish from-package`, as a real release does.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './cdn.mjs';

const run = promisify(execFile);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts Verdaccio; resolves once it answers. `stop()` kills it (by PID) and deletes its storage. */
export async function startRegistry() {
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
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const stop = async () => {
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
 * Publishes every workspace package at its current version with `lerna publish from-package`.
 * lerna refuses a dirty git tree, and a test runs beside uncommitted work: GIT_DIR pointing nowhere makes
 * it skip that check ("unable to verify working tree"), nothing else changes.
 */
export async function publishAll(registry) {
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/lerna'),
    ['publish', 'from-package', '--registry', registry.url, '--yes', '--no-private', '--loglevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, GIT_DIR: join(tmpdir(), 'devicemode-no-git'), NPM_CONFIG_USERCONFIG: registry.npmrc },
      maxBuffer: 1 << 24,
    },
  );
  return stdout;
}
