import { Header } from '@nestjs/common';

/** For answers that show a signing secret: no browser, proxy or CDN may keep a copy. */
export function CarriesSecret(): MethodDecorator {
  return Header('Cache-Control', 'no-store');
}
