import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { getApiCaller, type ApiCaller } from './api-caller';

/** The authenticated caller; ApiAuthGuard has made sure there is one. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): ApiCaller => {
  return getApiCaller(context.switchToHttp().getRequest())!;
});
