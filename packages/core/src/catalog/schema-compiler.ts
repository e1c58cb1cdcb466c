import Ajv from 'ajv';

// The few formats loyalty payloads use. ajv-formats would add a dependency for dozens we
// do not need, and without these a schema saying `format: "date-time"` would not compile.
const FORMATS: Record<string, (value: string) => boolean> = {
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  uri: (value) => URL.canParse(value),
};

/** An ajv instance that reports every failure and rejects schema typos, without console noise. */
export function createSchemaCompiler(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown keywords and formats are almost always typos (`requried`), so they fail
    // registration; stylistic checks (union types, tuples) would only nag schema authors.
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
  });
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}
