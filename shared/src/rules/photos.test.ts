import { IMAGE_BYTES_MAX, photoProblem, photoTypeOf } from './feed';

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
