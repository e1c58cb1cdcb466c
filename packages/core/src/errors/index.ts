export * from './hookline-error';
