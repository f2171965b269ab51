/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  setupFiles: ['<rootDir>/test/setup.ts'],
  // bin/wuhua runs build/cli.js: build it first, so no test spawns a stale build.
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  testTimeout: 60000,
};
