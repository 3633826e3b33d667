import fc from 'fast-check';
import { IMAGE_BYTES_MAX, photoProblem, photoTypeOf, postShownTo, reviewOf, type ReviewState } from './feed';

describe('choosing a photo to upload', () => {
  it('takes the type the browser reports on H5 and the temp file’s extension on weapp', () => {
    expect(photoTypeOf({ path: 'blob:http://127.0.0.1/9f1c', size: 10, originalFileObj: { type: 'image/webp' } })).toBe('image/webp');
    expect(photoTypeOf({ path: 'http://tmp/wx8b2c.JPEG', size: 10 })).toBe('image/jpeg');
    expect(photoTypeOf({ path: 'wxfile://tmp_1a.png', size: 10 })).toBe('image/png');
    expect(photoTypeOf({ path: 'blob:http://127.0.0.1/9f1c', size: 10, originalFileObj: { type: 'image/gif' } })).toBeUndefined();
    expect(photoTypeOf({ path: 'http://tmp/clip.mp4', size: 10 })).toBeUndefined();
  });

  it('says why a photo cannot go into a post', () => {
    expect(photoProblem({ path: 'a.jpg', size: IMAGE_BYTES_MAX })).toBeUndefined();
    expect(photoProblem({ path: 'a.jpg', size: IMAGE_BYTES_MAX + 1 })).toBe('图片不能超过 5 MB');
    expect(photoProblem({ path: 'a.gif', size: 10 })).toBe('只能上传 JPG、PNG 或 WebP 图片');
  });
});

describe('the photo check of a post', () => {
  const states = fc.constantFrom<ReviewState>('passed', 'pending', 'rejected');

  it('passes only when every photo passed, is refused by one refusal, and waits otherwise', () => {
    fc.assert(
      fc.property(fc.array(states, { maxLength: 9 }), (verdicts) => {
        const state = reviewOf(verdicts);
        if (verdicts.includes('rejected')) expect(state).toBe('rejected');
        else if (verdicts.includes('pending')) expect(state).toBe('pending');
        else expect(state).toBe('passed');
      }),
    );
  });

  it('shows a post under review or refused only to its author and the coordinators', () => {
    const member = { id: 'm', coordinator: false };
    const coordinator = { id: 'c', coordinator: true };
    const author = { id: 'a', coordinator: false };
    for (const review of ['pending', 'rejected'] as const) {
      const post = { authorId: 'a', review };
      expect([postShownTo(post, member), postShownTo(post, author), postShownTo(post, coordinator)]).toEqual([false, true, true]);
    }
    expect(postShownTo({ authorId: 'a', review: 'passed' }, member)).toBe(true);
    // Posts from before photos were checked have no state: they passed.
    expect(postShownTo({ authorId: 'a' }, member)).toBe(true);
  });
});
