import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MaterialPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const pdf = {
  id: 'm1',
  title: '心肺复苏与 AED 使用要点',
  kind: 'document',
  category: '志愿者学院',
  tags: [],
  audience: 'volunteers',
  file: { key: 'library/u_c/01J00000000000000000000000.pdf', name: '急救手册.pdf', bytes: 2_411_724, contentType: 'application/pdf' },
  fileUrl: 'https://media.example.org/library/u_c/01J00000000000000000000000.pdf?X-Amz-Signature=abc',
  createdBy: 'u_c',
  createdAt: '2026-11-28T00:00:00.000Z',
  progress: 0,
};

describe('资料详情', () => {
  it('opens an uploaded document from its signed link and counts it as half read', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    setRouteParams({ id: 'm1' });
    const progress: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'PUT') {
        progress.push(JSON.parse(data!));
        return { statusCode: 200, data: { materialId: 'm1', progress: 50 } };
      }
      return { statusCode: 200, data: { material: pdf } };
    });
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null);
    render(<MaterialPage />);
    await screen.findByText('急救手册.pdf · 2.3 MB');
    fireEvent.click(screen.getByText('打开文档'));
    expect(opened).toHaveBeenCalledWith(pdf.fileUrl, '_blank');
    await waitFor(() => expect(progress).toEqual([{ percent: 50 }]));
    await screen.findByText(/已学 50%/);
    opened.mockRestore();
  });
});
