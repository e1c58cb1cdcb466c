import type { ValidateFunction } from 'ajv';
import { closeMatches } from './close-matches';
import { EventCatalogConfigError } from './event-catalog-config-error';
import { EventDataValidationError } from './event-data-validation-error';
import { EventTypeNotFoundError } from './event-type-not-found-error';
import { matchesEventFilter, parseEventFilter } from './event-filter';
import type { EventDataSchema, EventTypeDefinition } from './event-type-definition';
import { isValidEventTypeName } from './event-type-name';
import { findNonJsonValues } from './json-data';
import { createSchemaCompiler } from './schema-compiler';
import { issuesFromSchemaErrors } from './schema-issues';
import { UnknownEventTypeError } from './unknown-event-type-error';

/** The event types an application may publish, with their `data` schemas. */
export class EventCatalog {
  private readonly definitions = new Map<string, EventTypeDefinition>();
  // Compiled once at registration: publishing is the hot path, registration is start-up.
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly compiler = createSchemaCompiler();

  constructor(definitions: readonly EventTypeDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  /** Adds an event type; throws `EventCatalogConfigError` if it is malformed or already known. */
  register(definition: EventTypeDefinition): this {
    const { name, description, schema, example } = definition;
    if (!isValidEventTypeName(name)) {
      throw new EventCatalogConfigError(
        `Event type name ${JSON.stringify(name)} is not valid: use lowercase segments of a-z, 0-9 and _ ` +
          'separated by dots, such as "points.earned", "customer.tier_upgrade" or "test".',
        { pointer: '/name' },
      );
    }
    if (this.definitions.has(name)) {
      throw new EventCatalogConfigError(
        `Event type "${name}" is already registered; register each type once (merge the two definitions).`,
        { pointer: '/name' },
      );
    }
    if (typeof description !== 'string' || description.trim() === '') {
      throw new EventCatalogConfigError(`Event type "${name}" needs a description saying when it is sent.`, {
        pointer: '/description',
      });
    }
    const validate = schema === undefined ? undefined : this.compile(name, schema);
    if (example !== undefined) this.checkExample(name, example, validate, schema);

    // A frozen copy, so later edits to the caller's object cannot desync it from its validator.
    this.definitions.set(name, Object.freeze({ ...definition }));
    if (validate) this.validators.set(name, validate);
    return this;
  }

  has(name: string): boolean {
    return this.definitions.has(name);
  }

  get(name: string): EventTypeDefinition | undefined {
    return this.definitions.get(name);
  }

  /** The registered definition; throws `EventTypeNotFoundError`, naming close matches, when there is none. */
  lookup(name: string, pointer = '/name'): EventTypeDefinition {
    const definition = this.definitions.get(name);
    if (definition) return definition;
    // Suggestions cost length × names; a name longer than any sensible one gets none.
    const suggestions = name.length <= MAX_SUGGESTIBLE_LENGTH ? closeMatches(name, this.definitions.keys()) : [];
    throw new EventTypeNotFoundError(
      `No event type ${JSON.stringify(name)} is registered.${didYouMean(suggestions)} The catalog's list (GET …/event-types) names every one.`,
      name,
      suggestions,
      { pointer },
    );
  }

  /** Every registered definition, sorted by name. */
  list(): EventTypeDefinition[] {
    return [...this.definitions.values()].sort((a, b) => compareNames(a.name, b.name));
  }

  /** Throws unless `type` is registered and `data` is a JSON object matching its schema. */
  assertPublishable(type: string, data: unknown): void {
    if (!this.definitions.has(type)) throw this.unknownType(type, '/type');
    const jsonIssues = findNonJsonValues(data);
    if (jsonIssues.length > 0) throw new EventDataValidationError(type, jsonIssues);
    const validate = this.validators.get(type);
    if (validate && !validate(data)) {
      throw new EventDataValidationError(type, issuesFromSchemaErrors(validate.errors ?? []));
    }
  }

  /** Throws `UnknownEventTypeError` unless `pattern` is `*`, a registered name, or a `prefix.*` that selects one. */
  validateFilter(pattern: string, pointer = '/filter'): void {
    const filter = parseEventFilter(pattern);
    if (filter === undefined) {
      throw new UnknownEventTypeError(
        `Event filter ${JSON.stringify(pattern)} is not valid: use "*", an event type such as ` +
          '"points.earned", or a prefix wildcard such as "points.*".',
        pattern,
        [],
        { pointer },
      );
    }
    if (filter.kind === 'exact' && !this.definitions.has(filter.type)) throw this.unknownType(pattern, pointer);
    if (filter.kind === 'prefix' && this.matchingTypes(pattern).length === 0) {
      const suggestions = closeMatches(filter.prefix, this.prefixes()).map((prefix) => `${prefix}.*`);
      throw new UnknownEventTypeError(
        `Event filter "${pattern}" matches no registered event type.${didYouMean(suggestions)} ` +
          'Register a type under that prefix first, or subscribe to "*".',
        pattern,
        suggestions,
        { pointer },
      );
    }
  }

  /** Validates each of a subscription's filters, pointing errors at `/filters/<index>`. */
  validateFilters(patterns: readonly string[], pointer = '/filters'): void {
    patterns.forEach((pattern, index) => this.validateFilter(pattern, `${pointer}/${index}`));
  }

  /** Registered type names the filter selects, sorted. */
  matchingTypes(pattern: string): string[] {
    return [...this.definitions.keys()].filter((type) => matchesEventFilter(pattern, type)).sort(compareNames);
  }

  private compile(name: string, schema: EventDataSchema): ValidateFunction {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new EventCatalogConfigError(`The schema of event type "${name}" must be a JSON Schema object.`, {
        pointer: '/schema',
      });
    }
    // `data` is always a JSON object, so a schema for anything else could never pass.
    const type = schema.type;
    if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.includes('object'))) {
      throw new EventCatalogConfigError(
        `The schema of event type "${name}" must describe an object (type "object"), not ${JSON.stringify(type)}.`,
        { pointer: '/schema/type' },
      );
    }
    try {
      return this.compiler.compile(schema);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new EventCatalogConfigError(
        `The schema of event type "${name}" does not compile: ${reason}. Fix it to be valid JSON Schema draft-07.`,
        { pointer: '/schema', cause },
      );
    }
  }

  private checkExample(
    name: string,
    example: unknown,
    validate: ValidateFunction | undefined,
    schema: EventDataSchema | undefined,
  ): void {
    let issues = findNonJsonValues(example, '/example');
    if (issues.length === 0 && validate && !validate(example)) {
      issues = issuesFromSchemaErrors(validate.errors ?? [], '/example');
    }
    if (issues.length === 0) return;
    // Forget the compiled schema, or a corrected re-registration would clash on its `$id`.
    if (schema !== undefined) this.compiler.removeSchema(schema);
    const details = issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; ');
    throw new EventCatalogConfigError(
      `The example of event type "${name}" does not match its own schema: ${details}.`,
      { pointer: issues[0].pointer },
    );
  }

  private unknownType(type: string, pointer: string): UnknownEventTypeError {
    const suggestions = closeMatches(type, this.definitions.keys());
    const register = `register it in the event catalog (catalog.register({ name: ${JSON.stringify(type)}, description }))`;
    const advice =
      suggestions.length > 0 ? `${didYouMean(suggestions)} If it is a new type, ${register}.` : ` To use it, ${register}.`;
    return new UnknownEventTypeError(`Unknown event type ${JSON.stringify(type)}.${advice}`, type, suggestions, {
      pointer,
    });
  }

  /** Every proper dotted prefix of a registered name: `points` for `points.earned`. */
  private prefixes(): Set<string> {
    const prefixes = new Set<string>();
    for (const name of this.definitions.keys()) {
      const segments = name.split('.');
      for (let i = 1; i < segments.length; i++) prefixes.add(segments.slice(0, i).join('.'));
    }
    return prefixes;
  }
}

const MAX_SUGGESTIBLE_LENGTH = 200;

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length === 0 ? '' : ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
