import type { EventTypeDefinition, WebhookRequestContract } from '@hookline/core';
import { resource } from '../documents/resource';

export function eventTypeResource(definition: EventTypeDefinition) {
  return resource('event_type', definition.name, eventTypeAttributes(definition));
}

/** One type with the request its subscribers receive: `GET /event-types/:name`. */
export function eventTypeWithRequestResource(definition: EventTypeDefinition, request: WebhookRequestContract) {
  return resource('event_type', definition.name, { ...eventTypeAttributes(definition), ...request });
}

function eventTypeAttributes(definition: EventTypeDefinition) {
  return {
    name: definition.name,
    description: definition.description,
    group: definition.group ?? null,
    deprecated: definition.deprecated ?? false,
    schema: definition.schema ?? null,
    example: definition.example ?? null,
  };
}
