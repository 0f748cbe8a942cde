/**
 * Calls `seen` with every value stored into `map` from now on (by wrapping its `set`): a secret test learns each
 * secret a mock holds as the mock stores it.
 */
export function watchStored<K, V>(map: Map<K, V>, seen: (value: V) => void): void {
  const set = map.set.bind(map);
  map.set = (key: K, value: V) => {
    seen(value);
    return set(key, value);
  };
}
