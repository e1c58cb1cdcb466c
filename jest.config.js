/** Two projects: fast unit specs beside the code, and suites in test/ that use real services. */
const moduleNameMapper = {
  '^@hookline/core$': '<rootDir>/packages/core/src',
  '^@hookline/nestjs$': '<rootDir>/packages/nestjs/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/faults/'],
      moduleNameMapper,
      transform,
      testTimeout: 60000,
    },
  ],
};
