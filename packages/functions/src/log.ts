/** What every entry logs through: ids and error names, never personal data. */

/** The slice of a logger the app uses; callers pass ids and error names, never personal data. */
export type AppLogger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
};

/**
 * How a log names an error: its class name ("ConditionalCheckFailedException"), never its
 * message, which may quote what the candidate typed; a thrown non-Error by its type.
 */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
