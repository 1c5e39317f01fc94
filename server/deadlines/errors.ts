/**
 * Bad input to the deadline calculator: an impossible date, a period out of range, an unknown
 * option or rule. Thrown instead of returning a date, because a wrong deadline is worse than none.
 * `field` names the input at fault so forms can show the message beside it.
 */
export class DeadlineInputError extends Error {
  override readonly name = "DeadlineInputError";
  /** Bad user input, shown as is: the message is safe to display. */
  readonly statusCode = 422;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
