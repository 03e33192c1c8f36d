/** What the core is told about Google Tasks: GOOGLE_CAPABILITIES is the core's default profile, pinned here. */
import { describe, expect, it } from 'vitest';
import { GOOGLE_CAPABILITIES } from '../../src/google/tasks-backend';

describe('GOOGLE_CAPABILITIES', () => {
  it('describes Google Tasks: no assignees, date-only due, links, no client token, one write per call', () => {
    expect(GOOGLE_CAPABILITIES).toEqual({
      assignees: false,
      dueTime: false,
      links: true,
      clientToken: false,
      clientTokenTtlMs: null,
      maxBatch: 1,
      rateLimits: {},
      maxTitleLength: 1024,
      maxNotesLength: 8192,
    });
  });
});
