// A custom bundle: one file holding only the chosen destinations, core shared once, each factory at
// its own window[libraryName] (RudderStack-style build-time inclusion). Remote settings still switch
// each destination on or off: analytics-next reads each remotePlugins entry's libraryName from window.
//   node scripts/custom-bundle.mjs --only mixpanel,google-analytics-4 -o dist/custom.js
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { ROOT } from './cdn.mjs';
import { browserPlugins, libraryNameOf } from './rollup-config.mjs';

const DESTINATIONS = join(ROOT, 'packages/destinations');

/** Builds the bundle's code; throws naming unknown slugs. */
export async function customBundle(slugs) {
  if (!slugs.length) throw new Error('choose at least one destination: --only mixpanel,heap');
  const known = existsSync(DESTINATIONS) ? readdirSync(DESTINATIONS) : [];
  const unknown = slugs.filter(
    (slug) => !known.includes(slug) || !existsSync(join(DESTINATIONS, slug, 'src/index.ts')),
  );
  if (unknown.length)
    throw new Error(`unknown destination(s): ${unknown.join(', ')}; known: ${known.sort().join(', ')}`);
  const entryId = '\0devicemode-custom-bundle';
  const source = [...new Set(slugs)]
    .sort()
    .map((slug) => {
      const name = libraryNameOf(slug);
      return `import { ${name} } from ${JSON.stringify(join(DESTINATIONS, slug, 'src/index.ts'))};\nwindow.${name} = ${name};`;
    })
    .join('\n');
  const bundle = await rollup({
    input: entryId,
    onwarn: (warning) => {
      throw new Error(`rollup warning treated as error: ${warning.message}`);
    },
    plugins: [
      {
        name: 'custom-entry',
        resolveId: (id) => (id === entryId ? id : null),
        load: (id) => (id === entryId ? source : null),
      },
      ...browserPlugins(join(ROOT, 'tsconfig.base.json')),
    ],
  });
  const { output } = await bundle.generate({ format: 'iife', strict: false });
  await bundle.close();
  return output[0].code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const only = (value('--only') ?? '').split(',').filter(Boolean);
  const out = resolve(value('-o') ?? value('--out') ?? 'devicemode-bundle.js');
  try {
    const code = await customBundle(only);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
    console.log(`${out}: ${only.join(', ')} — ${code.length} B, ${gzipSync(code, { level: 9 }).length} B gzip`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
