import fc from 'fast-check';
import { bankIsReady, DEFAULT_QUIZ_SETTINGS, drawPaper, gradePaper, maskPhone, passes, retryAt, shuffle, submittedInTime } from './exam';

const bank = Array.from({ length: 30 }, (_, i) => ({
  id: `q${i}`,
  category: ['礼仪', '急救', '服务'][i % 3]!,
  options: ['A', 'B', 'C'],
  answer: [i % 3],
}));

describe('exam rules', () => {
  it('draws distinct questions from the bank, as many as asked or the whole bank', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer(), (size, seed) => {
        let state = seed;
        const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
        const paper = drawPaper(bank, size, random);
        expect(paper).toHaveLength(Math.min(size, bank.length));
        expect(new Set(paper.map((question) => question.id)).size).toBe(paper.length);
      }),
    );
  });

  it('asks every category before asking one twice', () => {
    const categories = drawPaper(bank, 3).map((question) => question.category);
    expect(new Set(categories).size).toBe(3);
  });

  it('shuffles without losing or adding items', () => {
    fc.assert(fc.property(fc.array(fc.integer()), (items) => expect(shuffle(items).sort()).toEqual([...items].sort())));
  });

  it('grades all or nothing per question, multiple choice in any order', () => {
    const paper = [
      { id: 'a', answer: [1] },
      { id: 'b', answer: [0, 2] },
      { id: 'c', answer: [2] },
    ];
    expect(gradePaper(paper, { a: [1], b: [2, 0], c: [1] })).toEqual({ correct: 2, total: 3, score: 66 });
    expect(gradePaper(paper, { a: [1], b: [0] })).toEqual({ correct: 1, total: 3, score: 33 });
    expect(gradePaper(paper, { a: [1], b: [0, 1, 2], c: [2] }).correct).toBe(2);
  });

  it('passes at the mark, not below', () => {
    expect(passes(80, 80)).toBe(true);
    expect(passes(79, 80)).toBe(false);
  });

  it('cools down for the configured hours and accepts answers up to a short grace after the deadline', () => {
    expect(retryAt('2026-11-28T00:00:00.000Z', 24).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(submittedInTime('2026-11-28T00:00:00.000Z', new Date('2026-11-28T00:00:20.000Z'))).toBe(true);
    expect(submittedInTime('2026-11-28T00:00:00.000Z', new Date('2026-11-28T00:01:00.000Z'))).toBe(false);
  });

  it('opens a bank (and gives a training topic its quiz) once it holds a full paper', () => {
    expect(bankIsReady(DEFAULT_QUIZ_SETTINGS.questions - 1, DEFAULT_QUIZ_SETTINGS)).toBe(false);
    expect(bankIsReady(DEFAULT_QUIZ_SETTINGS.questions, DEFAULT_QUIZ_SETTINGS)).toBe(true);
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
