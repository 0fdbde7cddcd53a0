import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, notificationKindsFor } from '../../src/server/notifications/vocabulary';

describe('the notification kinds each role is offered', () => {
  it('gives a cooperative’s people every kind but the officers’ queues, and officers only those', () => {
    const member = notificationKindsFor('member');
    expect(member).toContain('product_decision');
    expect(member).not.toContain('officer_queues');
    expect(notificationKindsFor('officer')).toEqual(['officer_queues']);
    expect(notificationKindsFor('admin')).toEqual(['officer_queues']);
    expect([...member, ...notificationKindsFor('officer')].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
