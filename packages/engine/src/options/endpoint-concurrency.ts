/** Bounds of each subscription's adaptive limit of attempts in flight per process; min = max when fixed. */
export interface EndpointConcurrency {
  min: number;
  max: number;
  initial: number;
}
