import { startMockOrg } from '../mock-org/index.js';
import { HttpDriver } from './http-driver.js';

/**
 * The embedded mock org: started in this process on a free loopback port, reached over HTTP
 * exactly like any other target, with its control protocol for the clock and faults.
 */
export async function startMockDriver(options: { faults?: readonly string[] } = {}): Promise<HttpDriver> {
  const mock = await startMockOrg({ control: true, faults: options.faults ?? [] });
  return HttpDriver.connect({ kind: 'mock', baseUrl: mock.url, token: mock.token, onClose: () => mock.close() });
}
