import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { browserPlugins } from '/work/main/scripts/rollup-config.mjs';
const core = '/work/main/packages/core/src/';
async function size(code) {
  const b = await rollup({
    input: 'e',
    plugins: [
      { name: 'e', resolveId: (x) => (x === 'e' ? x : null), load: (x) => (x === 'e' ? code : null) },
      ...browserPlugins('/work/main/packages/core/tsconfig.json'),
    ],
  });
  const { output } = await b.generate({ format: 'iife' });
  return [output[0].code.length, gzipSync(output[0].code, { level: 9 }).length];
}
for (const [name, code] of [
  ['validator', `import { validateSettings } from '${core}settings-validator.ts'; window.a = validateSettings;`],
  ['loadScript', `import { loadScript } from '${core}load-script.ts'; window.a = loadScript;`],
  ['resolveWhen', `import { resolveWhen } from '${core}resolve-when.ts'; window.a = resolveWhen;`],
  ['logger', `import { createLogger } from '${core}logger.ts'; window.a = createLogger;`],
  ['define', `import { defineDestination } from '${core}define-destination.ts'; window.a = defineDestination;`],
])
  console.log(name, await size(code));
const b = await rollup({
  input: 'e',
  plugins: [
    {
      name: 'e',
      resolveId: (x) => (x === 'e' ? x : null),
      load: (x) =>
        x === 'e'
          ? `import { defineDestination } from '${core}define-destination.ts'; window.a = defineDestination;`
          : null,
    },
    ...browserPlugins('/work/main/packages/core/tsconfig.json'),
  ],
});
const { output } = await b.generate({ format: 'iife' });
console.log(output[0].code);
