import type { ValueTransformer } from 'typeorm';

/**
 * Times are stored as epoch milliseconds (bigint) so SQLite and PostgreSQL compare, sort and
 * round-trip them identically, whatever the host's time zone. Entities still see `Date`.
 */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};

export const epochMsColumn = { type: 'bigint', transformer: epochMs } as const;

/** A bigint read back as a number (PostgreSQL's driver returns bigint as a string). */
export const epochNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};
