// An error in how the CLI was called (bad --param, missing API key): printed as one line, exit code 1.
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
