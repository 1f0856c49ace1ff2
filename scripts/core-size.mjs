// Prints core's share of a destination bundle (runtime + settings validator, minified + gzip) and fails
// over budget; --breakdown also prints what each module costs. Measured on a stand-in destination that
// uses every core piece a vendor file calls.
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { browserPlugins } from './rollup-config.mjs';

/** The target from the core issue. */
export const CORE_TARGET_GZIP = 1800;
/** The ceiling the build enforces today: no regression past what core measures now (see docs/architecture.md). */
export const CORE_CEILING_GZIP = 2375;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = JSON.stringify(join(root, 'packages/core/src/index.ts'));

// Everything a typical destination imports from core, with a vendor part as small as possible.
const STAND_IN = `
import { defineDestination, ensureGlobal, readGlobal, createQueueStub, propertiesOf, traitsOf } from ${core};
window.standIn = defineDestination({
  name: 'S', slug: 's', version: '1', settings: { type: 'object', properties: {} },
  load: async (a) => { ensureGlobal(a.window, 's', createQueueStub); await a.loadScript('https://s/s.js'); return a.resolveWhen(() => readGlobal(a.window, 's')); },
  track: (c, e) => c(propertiesOf(e)), identify: (c, e) => c(traitsOf(e)),
});`;
const VENDOR_ONLY = `window.standIn = { name: 'S', slug: 's', version: '1', settings: { type: 'object', properties: {} },
  load: async (a) => { a.window.s = a.window.s || 1; await a.loadScript('https://s/s.js'); return a.resolveWhen(() => a.window.s); },
  track: (c, e) => c(e.properties), identify: (c, e) => c(e.traits) };`;

// --breakdown: each module replaced by the least that keeps the stand-in working, one at a time.
const STUBS = {
  'settings validator': [
    'settings-validator.ts',
    'export const validateSettings = (s, v) => ({ ok: true, value: v });',
  ],
  'script loader': ['load-script.ts', 'export const loadScript = (src) => import(src);'],
  resolveWhen: ['resolve-when.ts', 'export const resolveWhen = (c) => Promise.resolve(c());'],
  logger: [
    'logger.ts',
    'const l = console.log; export const createLogger = () => ({ debug: l, info: l, warn: l, error: l }); export const describeError = String, formatMessage = String, setLogLevel = String;',
  ],
  consent: [
    'consent.ts',
    'export const readConsentRules = () => [[], false]; export const consentGranted = () => undefined;',
  ],
};

async function gzipBytes(code, stub) {
  const id = '\0size-entry';
  const bundle = await rollup({
    input: id,
    onwarn: (w) => {
      throw new Error(w.message);
    },
    plugins: [
      { name: 'entry', resolveId: (x) => (x === id ? x : null), load: (x) => (x === id ? code : null) },
      { name: 'stub', load: (x) => (stub && x.endsWith(`/core/src/${stub[0]}`) ? stub[1] : null) },
      ...browserPlugins(join(root, 'packages/core/tsconfig.json')),
    ],
  });
  const { output } = await bundle.generate({ format: 'iife' });
  return gzipSync(output[0].code, { level: 9 }).length;
}

export async function coreShareBytes() {
  return (await gzipBytes(STAND_IN)) - (await gzipBytes(VENDOR_ONLY));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await coreShareBytes();
  const target = bytes <= CORE_TARGET_GZIP ? 'meets' : 'misses';
  console.log(
    `core share of a destination bundle: ${bytes} B min+gzip (${target} the ${CORE_TARGET_GZIP} B target; ceiling ${CORE_CEILING_GZIP} B)`,
  );
  if (process.argv.includes('--breakdown')) {
    const whole = await gzipBytes(STAND_IN);
    let rest = bytes;
    for (const [name, stub] of Object.entries(STUBS)) {
      const saved = whole - (await gzipBytes(STAND_IN, stub));
      rest -= saved;
      console.log(`  ${name}: ${saved} B (what the bundle loses without it)`);
    }
    console.log(`  the rest (plugin lifecycle, globals, Spec helpers): ${rest} B`);
  }
  if (bytes > CORE_CEILING_GZIP) {
    console.error(
      `core grew past its ${CORE_CEILING_GZIP} B ceiling: find what was added to the runtime and shrink it`,
    );
    process.exit(1);
  }
}
