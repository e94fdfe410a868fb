/**
 * `load` run on the first call and its answer kept for every later one (callers that come
 * while it runs share it). A failure is not kept: the next call tries again.
 */
export function keptUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}
