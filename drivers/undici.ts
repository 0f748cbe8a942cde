/**
 * undici, loaded on first use. Only requests to a target over HTTP need it (a real org, a separately started mock
 * or mock host): the CLI's main thread, which only starts vitest against the embedded mock,
 * and a worker whose suites all run in process never load it (~130 ms of module loading each).
 */
let loading: Promise<typeof import('undici')> | undefined;

export function undici(): Promise<typeof import('undici')> {
  loading ??= import('undici');
  return loading;
}
