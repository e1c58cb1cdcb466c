import type { EventTypeDefinition } from '@hookline/core';
import { resource } from '../documents/resource';

export function eventTypeResource(definition: EventTypeDefinition) {
  return resource('event_type', definition.name, {
    name: definition.name,
    description: definition.description,
    group: definition.group ?? null,
    deprecated: definition.deprecated ?? false,
    schema: definition.schema ?? null,
    example: definition.example ?? null,
  });
}
