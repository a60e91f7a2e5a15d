/** A failure the CLI explains in one line; `exitCode` 2 = the command line was wrong, 1 = the operation failed. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 130 = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A mistake in the command line (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}
