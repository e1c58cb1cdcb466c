// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworkImports = {
  patterns: [
    { group: ['@nestjs/*', '@nestjs/**'], message: '@hookline/core is framework-free: Nest wiring belongs in packages/nestjs.' },
    { group: ['typeorm', 'typeorm/*'], message: '@hookline/core is framework-free: storage belongs in packages/nestjs.' },
    { group: ['bullmq', 'bullmq/*', 'ioredis'], message: '@hookline/core is framework-free: queues belong in packages/nestjs.' },
  ],
};

const engineImports = {
  patterns: [
    { group: ['@nestjs/*', '@nestjs/**'], message: '@hookline/engine is framework-free: Nest wiring belongs in packages/nestjs.' },
    { group: ['@hookline/nestjs'], message: 'Dependencies point one way: nestjs -> engine -> core.' },
  ],
};
const optionalQueuePeers = { group: ['bullmq', 'bullmq/*', 'ioredis'], allowTypeImports: true, message: 'Optional peer: only the BullMQ driver imports it, loaded by loadBullMqDriver().' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', frameworkImports] },
  },
  {
    // The engine runs in any Node app: Nest stays in the adapter, BullMQ and ioredis inside their driver (loaded by loadBullMqDriver()).
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.spec-helper.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...engineImports.patterns, optionalQueuePeers] }] },
  },
  {
    files: ['packages/engine/src/queue/bullmq/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', engineImports] },
  },
  {
    // Optional peers load only when their option is on (module/load-api-modules.ts, the engine's queue/load-bullmq-driver.ts):
    // a value import anywhere else would load them in every app.
    files: ['packages/nestjs/src/**/*.ts'],
    ignores: ['packages/nestjs/src/api/**', 'packages/nestjs/src/dashboard/**', 'packages/nestjs/src/operations/*.controller.ts', '**/*.spec.ts', '**/*.spec-helper.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['bullmq', 'ioredis'], allowTypeImports: true, message: 'Optional peer: only the engine\'s BullMQ driver imports it.' },
            { group: ['@nestjs/swagger', '@nestjs/throttler', 'class-validator', 'class-transformer', '@nestjs/event-emitter'], allowTypeImports: true, message: 'Optional peer: only the REST API imports it, loaded by loadApiParts().' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', fetch: 'readonly', global: 'readonly', performance: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The dashboard's browser modules: served as they are, no bundler.
    files: ['packages/nestjs/src/dashboard/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'navigator', 'sessionStorage', 'fetch', 'URLSearchParams', 'FormData', 'setTimeout', 'setInterval', 'clearInterval', 'console'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Build nodes with dom.js: data must never be parsed as HTML.' }, { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build nodes with dom.js: data must never be parsed as HTML.' }] },
  },
);
