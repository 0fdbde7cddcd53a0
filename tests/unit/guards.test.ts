import { describe, expect, it } from 'vitest';
import {
  requireCooperativeManager,
  requireCooperativeMember,
  requireRole,
  requireUser,
} from '../../src/server/accounts/guards';
import type { SessionUser } from '../../src/server/accounts/users';
import { ForbiddenError, UnauthenticatedError } from '../../src/server/errors';

const base = { email: 'x@example.test', displayName: 'X', isManager: false };
const memberOfA: SessionUser = { ...base, id: 'u1', role: 'member', cooperativeId: 'coop-a' };
const managerOfA: SessionUser = { ...memberOfA, id: 'u2', isManager: true };
const officer: SessionUser = { ...base, id: 'u3', role: 'officer', cooperativeId: null };
const admin: SessionUser = { ...base, id: 'u4', role: 'admin', cooperativeId: null };

describe('guards', () => {
  it('requireUser refuses anonymous requests', () => {
    expect(() => requireUser(null)).toThrow(UnauthenticatedError);
    expect(() => requireUser(undefined)).toThrow(UnauthenticatedError);
    expect(requireUser(officer)).toBe(officer);
  });

  it('requireRole refuses other roles', () => {
    expect(requireRole(officer, 'officer', 'admin')).toBe(officer);
    expect(() => requireRole(memberOfA, 'officer', 'admin')).toThrow(ForbiddenError);
    expect(() => requireRole(null, 'admin')).toThrow(UnauthenticatedError);
  });

  it('a member of one cooperative cannot act on another cooperative', () => {
    expect(requireCooperativeMember(memberOfA, 'coop-a').cooperativeId).toBe('coop-a');
    expect(() => requireCooperativeMember(memberOfA, 'coop-b')).toThrow(ForbiddenError);
    expect(() => requireCooperativeMember(managerOfA, 'coop-b')).toThrow(ForbiddenError);
    // Officers and admins are not members of any cooperative.
    expect(() => requireCooperativeMember(officer, 'coop-a')).toThrow(ForbiddenError);
  });

  it('only the manager (or an officer or admin) invites into a cooperative', () => {
    expect(requireCooperativeManager(managerOfA, 'coop-a')).toMatchObject({ id: 'u2' });
    expect(() => requireCooperativeManager(memberOfA, 'coop-a')).toThrow(ForbiddenError);
    expect(() => requireCooperativeManager(managerOfA, 'coop-b')).toThrow(ForbiddenError);
    expect(requireCooperativeManager(officer, 'coop-b')).toBe(officer);
    expect(requireCooperativeManager(admin, 'coop-b')).toBe(admin);
  });
});
