import { describe, expect, it } from 'vitest';
import {
  acceptBody,
  acceptReady,
  askableUnits,
  canAnswer,
  canWithdraw,
  createdLink,
  draftProblems,
  requestBody,
  sortRequests,
} from './collab';

const req = (over: Partial<Parameters<typeof canAnswer>[0]> = {}) => ({
  state: 'open' as const,
  requesterId: 'u1',
  toUnitLeaderId: 'u2',
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});
const member = (id: string) => ({ id, role: 'member' as const });
const admin = { id: 'a', role: 'admin' as const };

describe('who may answer or withdraw a request', () => {
  it('the leader of the unit asked answers an open request; admins too', () => {
    expect(canAnswer(req(), member('u2'))).toBe(true);
    expect(canAnswer(req(), member('u1'))).toBe(false);
    expect(canAnswer(req(), admin)).toBe(true);
    expect(canAnswer(req({ state: 'accepted' }), member('u2'))).toBe(false);
    expect(canAnswer(req({ toUnitLeaderId: null }), member('u2'))).toBe(false);
  });
  it('the requester withdraws an open request; admins too', () => {
    expect(canWithdraw(req(), member('u1'))).toBe(true);
    expect(canWithdraw(req(), member('u2'))).toBe(false);
    expect(canWithdraw(req(), admin)).toBe(true);
    expect(canWithdraw(req({ state: 'declined' }), member('u1'))).toBe(false);
  });
});

describe('sortRequests', () => {
  it('lists open requests first, then the newest', () => {
    const list = [
      req({ state: 'declined', createdAt: '2026-03-01T00:00:00Z' }),
      req({ createdAt: '2026-01-01T00:00:00Z' }),
      req({ createdAt: '2026-02-01T00:00:00Z' }),
      req({ state: 'accepted', createdAt: '2026-01-15T00:00:00Z' }),
    ];
    expect(sortRequests(list).map((r) => `${r.state}:${r.createdAt.slice(0, 10)}`)).toEqual([
      'open:2026-02-01',
      'open:2026-01-01',
      'declined:2026-03-01',
      'accepted:2026-01-15',
    ]);
  });
});

describe('askableUnits', () => {
  const units = [
    { id: 'c', name: '星辰科技', parentId: null },
    { id: 's', name: '销售部', parentId: 'b' },
    { id: 'b', name: '商业部门', parentId: 'c' },
    { id: 'm', name: '市场部', parentId: 'b' },
  ];
  it('leaves out the unit that owns the plan, in tree order', () => {
    const out = askableUnits(units, { ownerType: 'unit', ownerId: 'm' });
    expect(out.map((u) => u.id)).toEqual(['c', 'b', 's']);
  });
  it('offers every unit to a person’s plan', () => {
    expect(askableUnits(units, { ownerType: 'user', ownerId: 'm' })).toHaveLength(4);
  });
  it('keeps a unit whose parent is unknown', () => {
    const out = askableUnits([...units, { id: 'x', name: 'X', parentId: 'gone' }], {
      ownerType: 'user',
      ownerId: 'p',
    });
    expect(out.map((u) => u.id)).toContain('x');
  });
});

describe('request drafts', () => {
  it('needs a unit and a non-blank message', () => {
    expect(
      draftProblems({ toUnitId: null, message: '  ', keyResultTitle: '', dueDate: null }),
    ).toEqual(['toUnitId', 'message']);
    expect(
      draftProblems({ toUnitId: 's', message: '帮忙', keyResultTitle: '', dueDate: null }),
    ).toEqual([]);
  });
  it('sends the trimmed message and the hoped-for key result only when given', () => {
    expect(
      requestBody('o1', { toUnitId: 's', message: ' 帮忙 ', keyResultTitle: ' ', dueDate: null }),
    ).toEqual({
      fromObjectiveId: 'o1',
      toUnitId: 's',
      message: '帮忙',
    });
    expect(
      requestBody('o1', {
        toUnitId: 's',
        message: 'x',
        keyResultTitle: '线索 100 条',
        dueDate: null,
      }).desiredKeyResult,
    ).toEqual({ title: '线索 100 条' });
  });
  it('sends a chosen date as neededBy, leaving the message as typed', () => {
    const d = { toUnitId: 's', message: '帮忙', keyResultTitle: '', dueDate: '2026-03-31' };
    expect(requestBody('o1', d)).toEqual({
      fromObjectiveId: 'o1',
      toUnitId: 's',
      message: '帮忙',
      neededBy: '2026-03-31',
    });
  });
});

describe('accepting', () => {
  it('an objective needs nothing more; a key result needs its objective', () => {
    expect(acceptReady({ as: 'objective', objectiveId: null, title: '' })).toBe(true);
    expect(acceptReady({ as: 'keyResult', objectiveId: null, title: '' })).toBe(false);
    expect(acceptReady({ as: 'keyResult', objectiveId: 'o', title: '' })).toBe(true);
  });
  it('builds the body without blank titles or a stray objective', () => {
    expect(acceptBody({ as: 'objective', objectiveId: 'o', title: ' ' })).toEqual({
      as: 'objective',
    });
    expect(acceptBody({ as: 'keyResult', objectiveId: 'o', title: ' 新KR ' })).toEqual({
      as: 'keyResult',
      objectiveId: 'o',
      title: '新KR',
    });
  });
  it('links to what an accepted request created', () => {
    expect(createdLink({ createdPlanId: 'p', createdKeyResultId: null })).toBe('/plans/p');
    expect(createdLink({ createdPlanId: 'p', createdKeyResultId: 'k' })).toBe('/key-results/k');
    expect(createdLink({ createdPlanId: null, createdKeyResultId: null })).toBeNull();
  });
});
