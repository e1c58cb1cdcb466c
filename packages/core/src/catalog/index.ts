export * from './event-type-definition';
export * from './event-type-name';
export * from './event-filter';
export * from './event-catalog';
export type { EventDataIssue } from './event-data-issue';
export * from './event-catalog-config-error';
export * from './unknown-event-type-error';
export * from './event-data-validation-error';
export * from './loyalty-catalog';
