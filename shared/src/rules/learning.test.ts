import fc from 'fast-check';
import {
  earnedProgress,
  PLAYBACK_RATE_MAX,
  PLAYBACK_SLACK_SECONDS,
  readingSeconds,
  type LearningKind,
  type ProgressEvent,
} from './learning';

const start = new Date('2026-12-01T10:00:00+08:00');
const after = (seconds: number) => ({ startedAt: start, now: new Date(start.getTime() + seconds * 1000) });
const video = { kind: 'video' as const };

describe('earnedProgress', () => {
  it('counts the furthest position played over the duration', () => {
    expect(earnedProgress(video, { event: 'played', position: 150, duration: 600 }, { previous: 0, ...after(150) })).toEqual({
      ok: true,
      progress: 25,
    });
    expect(earnedProgress(video, { event: 'played', position: 599.4, duration: 600 }, { previous: 25, ...after(600) })).toEqual({
      ok: true,
      progress: 100,
    });
  });

  it('does not let a tap jump to the end: no further than could have been played since the member began', () => {
    const tapped = earnedProgress(video, { event: 'played', position: 600, duration: 600 }, { previous: 0, ...after(1) });
    expect(tapped).toEqual({ ok: true, progress: Math.floor(((1 * PLAYBACK_RATE_MAX + PLAYBACK_SLACK_SECONDS) / 600) * 100) });
  });

  it('counts an article once read to its end, no sooner than it can be read', () => {
    const article = { kind: 'article' as const, body: '学'.repeat(300) };
    expect(readingSeconds(article.body)).toBe(20);
    expect(earnedProgress(article, { event: 'read_to_end' }, { previous: 0, ...after(5) })).toEqual({ ok: true, progress: 0 });
    expect(earnedProgress(article, { event: 'read_to_end' }, { previous: 0, ...after(20) })).toEqual({ ok: true, progress: 100 });
    expect(readingSeconds('短')).toBe(3);
    expect(readingSeconds('长'.repeat(10_000))).toBe(60);
  });

  it('counts a document once opened; opening anything else only starts the clock', () => {
    expect(earnedProgress({ kind: 'document' }, { event: 'opened' }, { previous: 0, ...after(0) })).toEqual({ ok: true, progress: 100 });
    expect(earnedProgress(video, { event: 'opened' }, { previous: 30, ...after(0) })).toEqual({ ok: true, progress: 30 });
  });

  it('refuses a report of another kind, saying how the material counts', () => {
    const verdict = earnedProgress({ kind: 'article' }, { event: 'played', position: 1, duration: 1 }, { previous: 0, ...after(99) });
    expect(verdict).toEqual({ ok: false, message: '「读到文末即记为已学」，不按此方式记录' });
  });

  it('never goes down, never passes 100, and never passes what could have been played', () => {
    const kinds: LearningKind[] = ['article', 'video', 'document', 'audio'];
    const report: fc.Arbitrary<ProgressEvent> = fc.oneof(
      fc.record({
        event: fc.constant('played' as const),
        position: fc.double({ min: 0, max: 10_000, noNaN: true }),
        duration: fc.double({ min: 1, max: 10_000, noNaN: true }),
      }),
      fc.constant({ event: 'read_to_end' as const }),
      fc.constant({ event: 'opened' as const }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        report,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5000 }),
        (kind, sent, previous, seconds) => {
          const verdict = earnedProgress({ kind, body: '学习笔记' }, sent, { previous, ...after(seconds) });
          if (!verdict.ok) return;
          expect(verdict.progress).toBeGreaterThanOrEqual(previous);
          expect(verdict.progress).toBeLessThanOrEqual(100);
          if (sent.event === 'played' && verdict.progress > previous && verdict.progress < 100) {
            expect((verdict.progress / 100) * sent.duration).toBeLessThanOrEqual(seconds * PLAYBACK_RATE_MAX + PLAYBACK_SLACK_SECONDS);
          }
        },
      ),
    );
  });
});
