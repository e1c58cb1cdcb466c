export { MissingDependencyError } from './missing-dependency-error';
export { assertInstalled, type OptionalDependencies } from './assert-installed';
