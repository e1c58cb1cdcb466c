import { EventCatalog } from './event-catalog';
import { alertEvents } from './loyalty-events/alerts';
import { cashbackEvents } from './loyalty-events/cashback';
import { customerEvents } from './loyalty-events/customer';
import { engagementEvents } from './loyalty-events/engagement';
import { pointsEvents } from './loyalty-events/points';
import { programEvents } from './loyalty-events/program';
import { redemptionEvents } from './loyalty-events/redemption';
import { testEvents } from './loyalty-events/test-events';
import { tierEvents } from './loyalty-events/tier';
import { transactionEvents } from './loyalty-events/transaction';

/**
 * A new catalog of the loyalty events sent by Mage, Loyali, LoyalPro and mgPass, under their
 * own names, so a Hookline sender can stand in for any of them. Extend it with `register`.
 */
export function loyaltyCatalog(): EventCatalog {
  return new EventCatalog([
    ...customerEvents,
    ...pointsEvents,
    ...tierEvents,
    ...redemptionEvents,
    ...cashbackEvents,
    ...transactionEvents,
    ...alertEvents,
    ...engagementEvents,
    ...programEvents,
    ...testEvents,
  ]);
}
