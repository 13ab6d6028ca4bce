// The one error the geometry module throws for bad user input (malformed, unsupported or oversized models).
// It is deliberately not a DomainError: geometry stays free of the wire catalog, and the task layer maps it
// to a failed task whose message is `error.message`, which is written for the person who uploaded the file.

export class ModelInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelInputError';
  }
}

/** Runs `work` and turns any failure that is not already a ModelInputError into one, prefixed with `context`. */
export async function asModelInputError<T>(context: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ModelInputError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelInputError(`${context}: ${detail}`, { cause: error });
  }
}
