/**
 * Bounded parallelism for file-system work. libuv runs file operations on
 * a thread pool of 4 threads by default, so a few dozen operations in
 * flight keep it busy without holding thousands of open handles.
 */

/** Default number of operations in flight. */
export const FILE_CONCURRENCY = 32;

/**
 * Runs `task` for every item with at most `limit` running at once and
 * resolves when all are done. Rejects with the first error, after the
 * tasks already started have settled, so no write is left running.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  task: (item: T) => Promise<void>,
  limit = FILE_CONCURRENCY,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };

  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  await Promise.all(workers);
  if (failure !== undefined) {
    throw failure.error;
  }
}
