#!/usr/bin/env node
// Inside the repository (src/ present) the CLI runs from source through tsx, so `npx devicemode` works in a
// fresh clone before anything is built and never runs a stale build; the npm package ships dist/ only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/cjs/api');
  register();
  createRequire(import.meta.url)(source.pathname);
} else {
  await import('../dist/esm/cli.mjs');
}
