import { fireEvent, render, screen } from '@testing-library/react';
import SeriesMaterials from './series-materials';
import { calls } from '../../test/taro-double';
import { answerWithPage, signedInAs } from '../../test/fixtures';

const material = (id: string, title: string, kind: string, progress: number) => ({
  id,
  title,
  kind,
  category: '公益班',
  tags: [],
  audience: 'public',
  seriesId: 's1',
  createdBy: 'u_l',
  createdAt: '2026-11-28T00:00:00.000Z',
  progress,
});

describe('本班学习资料', () => {
  it('lists the series’ materials with the member’s progress, each opening its page', async () => {
    signedInAs('陈党员', ['member']);
    const urls = answerWithPage([material('m2', '第二课 身段录像', 'video', 0), material('m1', '第一课 唱腔讲义', 'document', 60)]);
    render(<SeriesMaterials seriesId='s1' />);
    await screen.findByText('第二课 身段录像');
    expect(urls[0]).toContain('/materials?');
    expect(urls[0]).toContain('seriesId=s1');
    expect(screen.getByText('已学 60%')).toBeTruthy();
    expect(screen.getByText('视频')).toBeTruthy();
    expect(screen.queryByText('添加资料')).toBeNull();
    fireEvent.click(screen.getByText('第一课 唱腔讲义'));
    expect(calls.navigateTo).toEqual(['/learning/material/index?id=m1']);
  });

  it('offers 添加资料 for this series to those who may add', async () => {
    signedInAs('周老师', ['member', 'lecturer']);
    answerWithPage([]);
    render(<SeriesMaterials seriesId='s1' mayAdd />);
    await screen.findByText('本班还没有学习资料');
    fireEvent.click(screen.getByText('添加资料'));
    expect(calls.navigateTo).toEqual(['/learning/library/index?seriesId=s1']);
  });
});
