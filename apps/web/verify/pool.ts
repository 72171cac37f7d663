// Runs tasks on a fixed number of workers, each worker taking the next task when it is free.
export async function runPool<T, W, R>(
  items: readonly T[],
  workers: readonly W[],
  task: (item: T, worker: W, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, worker, index);
      }
    }),
  );
  return results;
}
