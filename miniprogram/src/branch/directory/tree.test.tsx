import type { Branch } from '@hele/shared';
import { treeOrder } from './index';

const branch = (id: string, name: string, parentId?: string): Branch => ({
  id,
  name,
  kind: parentId ? 'branch' : 'committee',
  memberCount: 0,
  createdAt: '2026-12-06T00:00:00.000Z',
  ...(parentId ? { parentId } : {}),
});

describe('支部管理 tree', () => {
  it('lists each branch under its parent, by name, and an orphan at the top', () => {
    const rows = treeOrder([
      branch('c', '乙支部', 'p'),
      branch('p', '和乐社区党委'),
      branch('a', '甲支部', 'p'),
      branch('x', '孤立支部', 'gone'),
    ]);
    expect(rows.map(({ branch: { id }, depth }) => `${id}:${depth}`)).toEqual(['x:0', 'p:0', 'a:1', 'c:1']);
  });
});
