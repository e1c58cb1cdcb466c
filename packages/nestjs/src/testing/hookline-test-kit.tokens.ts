import { Inject } from '@nestjs/common';
import { HooklineTestKit } from '@hookline/engine/testing';
import { isDefaultInstance } from '../module/tokens';

/** The token of an instance's test kit: the HooklineTestKit class itself for the default instance. */
export const getHooklineTestKitToken = (name?: string): string | typeof HooklineTestKit => (isDefaultInstance(name) ? HooklineTestKit : `Hookline:${name}:HooklineTestKit`);

/** `@InjectHooklineTestKit('billing') kit: HooklineTestKit`; without a name, the default instance's. */
export const InjectHooklineTestKit = (name?: string) => Inject(getHooklineTestKitToken(name));
