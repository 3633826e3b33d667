import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MaterialPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const base = {
  category: '志愿者学院',
  tags: [],
  audience: 'public',
  createdBy: 'u_c',
  createdAt: '2026-11-28T00:00:00.000Z',
  progress: 0,
};
const pdf = {
  ...base,
  id: 'm1',
  title: '心肺复苏与 AED 使用要点',
  kind: 'document',
  file: { key: 'library/u_c/01J00000000000000000000000.pdf', name: '急救手册.pdf', bytes: 2_411_724, contentType: 'application/pdf' },
  fileUrl: 'https://media.example.org/library/u_c/01J00000000000000000000000.pdf?X-Amz-Signature=abc',
};
const article = { ...base, id: 'm2', title: '两学一做学习笔记', kind: 'article', body: '学党章党规。' };

/** Answers the material, and each progress report with what the server would say; records the reports. */
const serve = (material: Record<string, unknown>, answer: (report: { event: string }) => number) => {
  const reports: Array<{ event: string }> = [];
  answerRequests(({ method, data }) => {
    if (method === 'PUT') {
      const report = JSON.parse(data!);
      reports.push(report);
      return { statusCode: 200, data: { materialId: material.id, progress: answer(report) } };
    }
    return { statusCode: 200, data: { material } };
  });
  return reports;
};

describe('资料详情', () => {
  it('says how a document counts, opens it from its signed link, and counts it then, not on a tap elsewhere', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    setRouteParams({ id: 'm1' });
    const reports = serve(pdf, () => 100);
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null);
    render(<MaterialPage />);
    await screen.findByText('急救手册.pdf · 2.3 MB');
    expect(screen.getByText('学习进度：打开文档即记为已学')).toBeTruthy();
    expect(screen.queryByText('标记为已学完')).toBeNull();
    expect(reports).toEqual([]);
    fireEvent.click(screen.getByText('打开文档'));
    expect(opened).toHaveBeenCalledWith(pdf.fileUrl, '_blank');
    await waitFor(() => expect(reports).toEqual([{ event: 'opened' }]));
    await screen.findByText('已学完');
    opened.mockRestore();
  });

  it('counts an article once its end has been on screen as long as it takes to read', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      signedInAs('陈党员', ['member']);
      setRouteParams({ id: 'm2' });
      const reports = serve(article, (report) => (report.event === 'read_to_end' ? 100 : 0));
      render(<MaterialPage />);
      await screen.findByText('学党章党规。');
      expect(screen.getByText('学习进度：读到文末即记为已学')).toBeTruthy();
      await waitFor(() => expect(reports).toEqual([{ event: 'opened' }]));
      jest.advanceTimersByTime(3_600); // the reading time of a short article: 3 s
      await waitFor(() => expect(reports).toEqual([{ event: 'opened' }, { event: 'read_to_end' }]));
      await screen.findByText('已学完');
    } finally {
      jest.useRealTimers();
    }
  });
});
