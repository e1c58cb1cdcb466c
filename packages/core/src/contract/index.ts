export * from './webhook-contract';
export * from './describe-webhook-request';
