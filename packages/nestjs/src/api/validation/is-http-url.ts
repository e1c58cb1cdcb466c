import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An absolute http(s) URL, as WHATWG `URL` parses it: the same parser the deliverer uses, so
 * the API never accepts a URL the worker would read differently. Whether the scheme and host
 * are allowed is the URL guard's decision, made after this.
 */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property} must be an absolute URL such as https://example.com/webhooks`,
      },
    },
    options,
  );
}
