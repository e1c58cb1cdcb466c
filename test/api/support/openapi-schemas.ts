import { createRequire } from 'node:module';

// ajv 8 is @hookline/core's own dependency (the root's ajv is eslint's v6); its 2020-12 build is
// the dialect of OpenAPI 3.1 schemas.
const requireFromCore = createRequire(require.resolve('../../../packages/core/package.json'));
const { default: Ajv2020 } = requireFromCore('ajv/dist/2020') as { default: new (options: object) => AjvLike };

interface AjvLike {
  addSchema(schema: object, key: string): void;
  addFormat(name: string, format: RegExp): void;
  getSchema(key: string): ValidateFunction | undefined;
}

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Validators for an OpenAPI document's schemas, `$ref`s into its components resolved. */
export function schemasOf(document: { components?: object }): (ref: string | { $ref?: string } & object) => ValidateFunction {
  // Not strict: the document's schemas sit among OpenAPI fields that are no JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', DATE_TIME);
  ajv.addSchema({ components: document.components }, 'openapi.json');
  let inline = 0;
  return (schema) => {
    if (typeof schema === 'string' || typeof schema.$ref === 'string') {
      const ref = typeof schema === 'string' ? schema : schema.$ref!;
      const validate = ajv.getSchema(`openapi.json${ref}`);
      if (!validate) throw new Error(`No schema at ${ref}`);
      return validate;
    }
    const key = `inline-${inline++}`;
    ajv.addSchema(schema, key);
    return ajv.getSchema(key)!;
  };
}

/** Whether the document is valid OpenAPI (3.1 here), by the official JSON Schemas. */
export async function validateOpenApi(document: object): Promise<{ valid: boolean; errors?: unknown }> {
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  return new Validator().validate(structuredClone(document) as Record<string, unknown>);
}
