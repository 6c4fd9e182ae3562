// Shared wrapper for command-line scripts: one-line errors for configuration mistakes, exit codes.
import { ConfigError } from '../src/config.js';

/** A mistake in how a script was called or in the files it was given: printed as one line. */
export class CliError extends Error {}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof CliError ? error.message : error);
    process.exitCode = 1;
  }
}
