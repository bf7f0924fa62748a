// Values that cost more than most readers need: computed on first read, then kept.

/**
 * Defines `key` on `target` as a value computed on first read and kept from then on. The property is enumerable,
 * so a copy (`{ ...target }`) or a serialisation still carries the value (computing it then).
 */
export function defineLazy<T extends object, K extends PropertyKey, V>(target: T, key: K, compute: () => V): T & { readonly [P in K]: V } {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = compute();
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
  return target as T & { readonly [P in K]: V };
}

/** `compute` run once, on the first call. */
export function once<V>(compute: () => V): () => V {
  let done = false;
  let value: V;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
