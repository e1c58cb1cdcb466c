export * from './webhook-contract';
export * from './describe-webhook-request';
export * from './built-header-names';
