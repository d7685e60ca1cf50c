import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Noise is a bug: any console call a test did not expect fails that test. A test that expects
 * output spies on the console method itself (`vi.spyOn(console, 'warn')`), which replaces this.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const calls: string[] = [];

beforeEach(() => {
  calls.length = 0;
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  const unexpected = calls.splice(0);
  vi.restoreAllMocks();
  expect(unexpected, 'unexpected console output').toEqual([]);
});
