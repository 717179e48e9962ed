// Keeps a few file reads in flight while a loop handles files one at a time, in order: the
// stages read thousands of small files, and one await per read leaves the disk idle between
// them. Memory stays bounded by the window.

/** Yields `load(item)` for every item, in order, with up to `window` loads running ahead. */
export async function* readAhead<T, R>(items: readonly T[], load: (item: T, index: number) => Promise<R>, window = 16): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (pending.length < window && next < items.length) {
      const index = next++;
      const promise = load(items[index]!, index);
      // Handled when its turn comes; this only keeps an early rejection from being reported as unhandled.
      promise.catch(() => undefined);
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
