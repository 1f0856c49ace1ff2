// One jest run over every package: `unit` (jsdom) and `browser` (node + real Chromium) projects.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const packageDirs = [
  ...readdirSync(join(__dirname, 'packages'))
    .filter((d) => d !== 'destinations')
    .map((d) => `packages/${d}`),
  ...(existsSync(join(__dirname, 'packages/destinations'))
    ? readdirSync(join(__dirname, 'packages/destinations')).map((d) => `packages/destinations/${d}`)
    : []),
].filter((dir) => existsSync(join(__dirname, dir, 'package.json')));

// Tests import every workspace package from its source, so `npm test` needs no build for unit tests.
const moduleNameMapper = {
  '^@devicemode/testing/browser$': '<rootDir>/packages/testing/src/browser/index.ts',
  '^@devicemode/core/settings-json$': '<rootDir>/packages/core/src/settings-json.ts',
};
for (const dir of packageDirs) {
  const name = require(join(__dirname, dir, 'package.json')).name;
  moduleNameMapper[`^${name.replace('/', '\\/')}$`] = `<rootDir>/${dir}/src/index.ts`;
}

const transform = {
  '^.+\\.(t|j|mj)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const shared = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  extensionsToTreatAsEsm: [],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.tsbuild/'],
  transformIgnorePatterns: ['/node_modules/(?!(@segment|dset|unfetch|nanoid|spark-md5|tslib)/)'],
};

module.exports = {
  cacheDirectory: '<rootDir>/.cache/jest',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/packages/**/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.browser\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'browser',
      testEnvironment: 'node',
      // Launching Chromium and loading real bundles takes seconds on a loaded 2-core machine.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/packages/**/test/**/*.browser.test.ts', '<rootDir>/test/**/*.browser.test.ts'],
    },
  ],
};
