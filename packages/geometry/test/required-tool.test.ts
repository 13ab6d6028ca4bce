// The switch between skipping and failing when a test's external tool is missing (fixtures/required-tool.ts).
import { expect, inject, it } from 'vitest';
import { isAvailable } from './fixtures/required-tool.ts';

it('passes a present tool, and a missing one skips locally or fails naming its Debian package in CI', () => {
  expect(isAvailable('the probe command', 'probe-utils', true)).toBe(true);
  if (inject('requireTools'))
    expect(() => isAvailable('the probe command', 'probe-utils', false)).toThrow(
      /the probe command is missing: install Debian's probe-utils/,
    );
  else expect(isAvailable('the probe command', 'probe-utils', false)).toBe(false);
});
