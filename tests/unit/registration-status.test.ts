import { describe, expect, it } from 'vitest';
import {
  boothDirection,
  cooperativeMayWithdraw,
  officerMayMove,
} from '../../src/server/events/registrations/registration-status';
import { REGISTRATION_STATUSES } from '../../src/server/events/vocabulary';

describe('registration moves', () => {
  it('take booths into pending/confirmed, free them out of it, and leave them otherwise', () => {
    expect(boothDirection('waitlisted', 'confirmed')).toBe(1);
    expect(boothDirection('declined', 'confirmed')).toBe(1);
    expect(boothDirection('pending', 'confirmed')).toBe(0);
    expect(boothDirection('confirmed', 'waitlisted')).toBe(-1);
    expect(boothDirection('pending', 'withdrawn')).toBe(-1);
    expect(boothDirection('waitlisted', 'withdrawn')).toBe(0);
    expect(boothDirection('waitlisted', 'declined')).toBe(0);
  });

  it('let officers decide anything but a withdrawal, and never to where it already is', () => {
    expect(officerMayMove('withdrawn', 'confirmed')).toBe(false);
    expect(officerMayMove('confirmed', 'confirmed')).toBe(false);
    expect(officerMayMove('declined', 'confirmed')).toBe(true);
    expect(officerMayMove('pending', 'waitlisted')).toBe(true);
  });

  it('let cooperatives withdraw only what is still in play', () => {
    expect(REGISTRATION_STATUSES.filter(cooperativeMayWithdraw)).toEqual(['pending', 'confirmed', 'waitlisted']);
  });
});
