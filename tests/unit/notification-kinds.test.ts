import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, notificationKindsFor } from '../../src/server/notifications/vocabulary';

describe('the notification kinds each role is offered', () => {
  it('gives a cooperative’s people every kind but the officers’ queues, officers those, and both their invitations', () => {
    const member = notificationKindsFor('member');
    expect(member).toContain('product_decision');
    expect(member).toContain('profile_decision');
    expect(member).toContain('event_change');
    expect(member).not.toContain('officer_queues');
    expect(notificationKindsFor('officer')).toEqual(['invitation_accepted', 'officer_queues']);
    expect(notificationKindsFor('admin')).toEqual(['invitation_accepted', 'officer_queues']);
    expect(member).toContain('invitation_accepted');
    expect(new Set([...member, ...notificationKindsFor('officer')])).toEqual(new Set(NOTIFICATION_KINDS));
  });
});
