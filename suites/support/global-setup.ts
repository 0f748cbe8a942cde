import type { TestProject } from 'vitest/node';

/**
 * Starts the embedded mock org host once for the run (DESIGN.md: "a global setup starts it
 * unless a target is configured"). Suite files then each get an org of their own on it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provided = project.getProvidedContext();
  if (provided.target.kind !== 'mock' || provided.mockHost) return undefined;
  const { startMockHost } = await import('../../drivers/mock/driver.js');
  const host = await startMockHost();
  project.provide('mockHost', { url: host.url, adminToken: host.adminToken });
  return () => host.close();
}
