export * from './errors';
export * from './clock';
export * from './ids';
export * from './signing';
export * from './retry';
export * from './catalog';
export * from './delivery';
export * from './profiles';
