import { ValidationError } from "../errors";

/**
 * Bad input to the deadline calculator: an impossible date, a period out of range, an unknown
 * option or rule. Thrown instead of returning a date, because a wrong deadline is worse than none.
 * `field` names the input at fault so forms can show the message beside it; as a ValidationError
 * the app's error handler already knows how to answer it.
 */
export class DeadlineInputError extends ValidationError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super([{ path: field, message }], message);
  }
}
