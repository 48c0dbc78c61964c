/**
 * Errors the CLI expects and prints without a stack trace, with the exit
 * code they map to: 1 for findings (lint, drift), 2 for invalid input or usage.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
