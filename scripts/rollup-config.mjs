// The one Rollup config factory: every package's rollup.config.mjs is a single call to it.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/** `google-analytics-4` → `googleAnalytics4Destination`: the global a CDN bundle assigns. */
export function libraryNameOf(slug) {
  return `${slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())}Destination`;
}

const failOnWarning = (warning) => {
  throw new Error(`rollup warning treated as error: ${warning.message}`);
};

/**
 * @param {string} configUrl import.meta.url of the package's rollup.config.mjs
 * @param {{ cdn?: boolean, entries?: Record<string, string>, node?: boolean }} [options]
 *   cdn: also build the minified IIFE bundle (destinations); entries: extra entry points (name → src file)
 */
export function packageConfig(configUrl, options = {}) {
  const root = dirname(fileURLToPath(configUrl));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const external = (id) => builtins.has(id) || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
  const input = { index: 'src/index.ts', ...options.entries };
  const target = options.node ? 'node20' : 'es2020';
  const code = {
    input,
    external,
    onwarn: failOnWarning,
    plugins: [
      nodeResolve({ extensions: ['.ts', '.mjs', '.js', '.json'] }),
      slimSettingsSchema(),
      json({ preferConst: true, compact: true }),
      esbuild({ target }),
    ],
    output: [
      { dir: 'dist/esm', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      {
        dir: 'dist/cjs',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
        exports: 'named',
      },
    ],
  };
  const types = {
    input,
    external,
    onwarn: failOnWarning,
    plugins: [
      dts({ tsconfig: join(root, 'tsconfig.json'), compilerOptions: { composite: false, incremental: false } }),
    ],
    output: ['mts', 'cts'].map((ext) => ({
      dir: 'dist/types',
      format: 'es',
      entryFileNames: `[name].d.${ext}`,
      chunkFileNames: `chunks/[name]-[hash].d.${ext}`,
    })),
  };
  const configs = [code, types];
  if (options.cdn) configs.push(cdnConfig(root, pkg));
  // DEVICEMODE_BUILD=cdn builds the CDN bundle alone (size and determinism checks need nothing else).
  if (process.env.DEVICEMODE_BUILD === 'cdn') return configs.slice(2);
  return configs;
}

/**
 * Keywords bundles leave out: documentation (the docs read the file itself), and `propertyNames`, which
 * settings schemas only use as `{ type: 'string' }` (settingsJsonSchema refuses anything else): every JSON
 * key is a string, so the validator has nothing to check.
 */
const DOC_KEYWORDS = new Set(['$comment', 'description', 'title', 'examples', 'deprecated', 'propertyNames']);

/**
 * A settings schema without documentation, as bundles embed it. It walks the schema, not the JSON: a
 * setting named `title` (a key of `properties`) or a default holding a `description` key stays.
 */
export function slimSchema(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (DOC_KEYWORDS.has(keyword)) continue;
    out[keyword] =
      keyword === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, slimSchema(child)]))
        : keyword === 'items' || keyword === 'additionalProperties'
          ? slimSchema(value)
          : value;
  }
  return out;
}

/** Imports settings.schema.json files slimmed (see slimSchema). */
function slimSettingsSchema() {
  return {
    name: 'devicemode-slim-settings-schema',
    transform(code, id) {
      if (!id.endsWith('settings.schema.json')) return null;
      return { code: JSON.stringify(slimSchema(JSON.parse(code))), map: null };
    },
  };
}

/** Resolve, transpile for browsers and minify: shared by CDN bundles, custom bundles and size checks. */
export function browserPlugins(tsconfig) {
  return [
    nodeResolve({ extensions: ['.ts', '.mjs', '.js', '.json'], browser: true }),
    slimSettingsSchema(),
    json({ preferConst: true, compact: true }),
    esbuild({ target: 'es2021', tsconfig }),
    terser({ ecma: 2021, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
  ];
}

/** The CDN bundle: core inlined, the factory assigned to window[libraryName], minified. */
function cdnConfig(root, pkg) {
  const slug = pkg.name.replace(/^@devicemode\//, '');
  const libraryName = libraryNameOf(slug);
  const entryId = '\0devicemode-cdn-entry';
  const source = join(root, 'src/index.ts');
  return {
    input: entryId,
    onwarn: failOnWarning,
    plugins: [
      {
        name: 'devicemode-cdn-entry',
        resolveId: (id) => (id === entryId ? id : null),
        load: (id) =>
          id === entryId
            ? `import { ${libraryName} } from ${JSON.stringify(source)};\nwindow[${JSON.stringify(libraryName)}] = ${libraryName};\n`
            : null,
      },
      ...browserPlugins(join(root, 'tsconfig.json')),
    ],
    output: { file: `dist/cdn/${slug}.js`, format: 'iife', strict: false },
  };
}
