import { describe, expect, it } from 'vitest';
import { matchesMention, mentionCandidates, mentionedIds, splitMentions } from './mentions';

const people = [
  { id: 'u1', name: '张三', email: 'zhang@example.test' },
  { id: 'u2', name: 'Ann', email: 'ann@example.test' },
  { id: 'u3', name: 'Anna', email: 'anna@example.test' },
  { id: 'u4', name: 'Li Wei', email: 'li.wei@one.test' },
  { id: 'u5', name: 'Li Wei', email: 'li.wei@two.test' },
  { id: 'u6', name: 'Gone', email: 'gone@example.test', active: false },
  { id: 'me', name: 'Me', email: 'me@example.test' },
];

describe('mentions', () => {
  const candidates = mentionCandidates(people, 'me');

  it('offers active people but the author, by name; shared names get their email', () => {
    expect(candidates.map((c) => c.token)).toEqual([
      'Ann',
      'Anna',
      'Li Wei(li.wei@one.test)',
      'Li Wei(li.wei@two.test)',
      '张三',
    ]);
  });

  it('filters by name or email, any case', () => {
    const typed = (q: string) => candidates.filter((c) => matchesMention(c, q)).map((c) => c.id);
    expect(typed('')).toEqual(['u2', 'u3', 'u4', 'u5', 'u1']);
    expect(typed('ANN')).toEqual(['u2', 'u3']);
    expect(typed('two.test')).toEqual(['u5']);
    expect(typed('张')).toEqual(['u1']);
    expect(typed('zhang')).toEqual(['u1']);
    expect(typed('nobody')).toEqual([]);
  });

  it('reads the mentions still in the text, whole tokens only, each once', () => {
    expect(mentionedIds('请 @张三 看一下，@Anna and @Ann too. @Ann again', candidates)).toEqual([
      'u1',
      'u3',
      'u2',
    ]);
    expect(mentionedIds('@Annabel is nobody; ann@example.test is no mention', candidates)).toEqual(
      [],
    );
    expect(mentionedIds('ping @Li Wei(li.wei@two.test)', candidates)).toEqual(['u5']);
    expect(mentionedIds('@Gone @Me', candidates)).toEqual([]);
    expect(mentionedIds('', candidates)).toEqual([]);
  });

  it('splits a body into text and mentions for display', () => {
    const mentioned = candidates.filter((c) => c.id === 'u2' || c.id === 'u1');
    expect(splitMentions('@Ann, see @Anna and <b>@张三</b>', mentioned)).toEqual([
      { text: '@Ann', userId: 'u2' },
      { text: ', see @Anna and <b>' },
      { text: '@张三', userId: 'u1' },
      { text: '</b>' },
    ]);
    expect(splitMentions('no mentions', mentioned)).toEqual([{ text: 'no mentions' }]);
  });
});
