// Shared wrapper for command-line scripts: one-line errors for configuration mistakes, exit codes.
import { ConfigError } from '../config.js';

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  }
}
