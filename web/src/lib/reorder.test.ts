import { describe, expect, it } from 'vitest';
import { idsByPriority, moveItem } from './reorder';

describe('reorder', () => {
  it('moves one item and keeps the rest in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('ignores moves out of range and leaves the input alone', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, 5)).toEqual(['a', 'b']);
    expect(moveItem(list, -1, 0)).toEqual(['a', 'b']);
    expect(moveItem(list, 1, 0)).not.toBe(list);
    expect(list).toEqual(['a', 'b']);
  });

  it('lists ids by priority', () => {
    expect(
      idsByPriority([
        { id: 'x', priority: 2 },
        { id: 'y', priority: 1 },
      ]),
    ).toEqual(['y', 'x']);
  });
});
