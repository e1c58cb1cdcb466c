// `@hookline/nestjs/testing`: for the host's tests only; nothing in the main entry point imports it.
export * from '@hookline/engine/testing';
export { HooklineTestingModule, type HooklineTestingModuleOptions, type HooklineTestingModuleAsyncOptions } from './hookline-testing.module';
export { getHooklineTestKitToken, InjectHooklineTestKit } from './hookline-test-kit.tokens';
