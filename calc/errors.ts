/**
 * The one error type the core throws for bad input: it names the field and says what to do.
 * Adapters turn it into an MCP `isError` result or an HTTP 400 `invalid_input`.
 * @module
 */
export class InputError extends Error {
  override name = 'InputError';
  /** Path of the offending field, e.g. `receivingParents[0].children[1].nightsPerYear`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
