import type { EventTypeDefinition } from '../event-type-definition';
import { objectSchema, text } from './schema-parts';

const group = 'testing';
const testMessage = objectSchema(['message'], { message: text });

/** What the dashboard's "send test" button publishes; `test` is Mage's name for it. */
export const testEvents: EventTypeDefinition[] = [
  {
    name: 'test',
    group,
    description: 'A test delivery sent on request to check that an endpoint receives and verifies webhooks.',
    schema: testMessage,
    example: { message: 'This is a test webhook.' },
  },
  {
    name: 'webhook.test',
    group,
    description: 'A test delivery sent on request; same as `test`, for receivers that expect a dotted name.',
    schema: testMessage,
    example: { message: 'This is a test webhook.' },
  },
];
