import { describe, expect, it } from 'vitest';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from './errors.js';

describe('AppError and helpers', () => {
  it('is an Error carrying a code', () => {
    const e = new AppError('conflict', 'duplicate');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(AppError);
    expect(e.name).toBe('AppError');
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('duplicate');
    expect(e.errors).toBeUndefined();
  });

  it('notFound names the thing', () => {
    const e = notFound('Plan');
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('Plan not found');
  });

  it('forbidden has a default message', () => {
    expect(forbidden().code).toBe('forbidden');
    expect(forbidden().message).toBe('Forbidden');
    expect(forbidden('not your plan').message).toBe('not your plan');
  });

  it('conflict, unprocessable and badRequest keep their field problems', () => {
    expect(conflict('wrong state').code).toBe('conflict');
    const problems = [{ path: 'objectives', message: 'none', code: 'plan.no_objectives' }];
    const u = unprocessable('Plan cannot be submitted', problems);
    expect(u.code).toBe('unprocessable');
    expect(u.errors).toEqual(problems);
    const b = badRequest('malformed');
    expect(b.code).toBe('bad_request');
    expect(b.errors).toBeUndefined();
    expect(badRequest('malformed', problems).errors).toEqual(problems);
  });
});
