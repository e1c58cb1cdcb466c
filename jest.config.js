/** Four projects: fast unit specs beside the code, suites in test/ that use real services, fault suites, and the install-as-a-user suite. */
const moduleNameMapper = {
  '^@hookline/core$': '<rootDir>/packages/core/src',
  '^@hookline/engine$': '<rootDir>/packages/engine/src',
  '^@hookline/engine/testing$': '<rootDir>/packages/engine/src/testing',
  '^@hookline/nestjs$': '<rootDir>/packages/nestjs/src',
  '^@hookline/nestjs/testing$': '<rootDir>/packages/nestjs/src/testing',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  // Nest 12 ships ES modules only; Node 20 can require() them, Jest's module system cannot.
  // Their `import()` of optional packages (class-validator…) becomes require(): Jest's VM has no dynamic import.
  '^.+\\.js$': [
    'babel-jest',
    { babelrc: false, configFile: false, plugins: [['babel-plugin-transform-import-meta', { module: 'ES6' }], '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'] },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|@seriousme|uid|file-type|strtok3|token-types|@tokenizer|load-esm)/)'];

module.exports = {
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/faults/', '<rootDir>/test/package/'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
    },
    {
      // Real processes and services broken on purpose: worker kills, Redis / PostgreSQL restarts, bad receivers.
      displayName: 'faults',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
    },
    {
      // Packs the packages and installs them into fresh apps outside the workspace; `npm test` runs it after the others.
      displayName: 'package',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/package/**/*.spec.ts'],
      moduleNameMapper,
      transform,
      transformIgnorePatterns,
    },
  ],
};
