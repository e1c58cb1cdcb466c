import { Matches } from 'class-validator';

/** A `next_cursor` from a previous page: an id such as `whsub_01J…` or `dlv_01J…`. */
export function IsCursor(): PropertyDecorator {
  return Matches(/^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'cursor must be the next_cursor of a previous page' });
}
