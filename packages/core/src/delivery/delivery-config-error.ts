import { HooklineError } from '../errors';

/** Delivery or transport options are unusable; `pointer` names the offending option (e.g. `/timeoutMs`). */
export class DeliveryConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_DELIVERY_OPTIONS';
}
