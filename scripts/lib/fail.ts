/**
 * Misconfiguration is reported as one clear line, not a stack trace:
 * scripts throw SetupError for what a person can fix, and main() prints it.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

export async function main(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`\u2717 ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
