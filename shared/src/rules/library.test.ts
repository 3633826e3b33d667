import { MaterialInput, MaterialUploadRequest } from '../schemas/library';
import { MATERIAL_FILE_BYTES_MAX, materialFileExtensions, materialFileFits, materialFileProblem, materialFileTypeOf } from './library';

const pathsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('a file picked for a material', () => {
  it('has the type its extension names, whatever the phone or browser called it', () => {
    expect(materialFileTypeOf('党章学习.PDF')).toBe('application/pdf');
    expect(materialFileTypeOf('越剧选段.m4a')).toBe('audio/mp4');
    expect(materialFileTypeOf('讲义.pptx')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(materialFileTypeOf('setup.exe')).toBeUndefined();
    expect(materialFileTypeOf('没有扩展名')).toBeUndefined();
  });

  it('fits only its own kind, and says why not in Chinese', () => {
    expect(materialFileFits('video/mp4', 'video')).toBe(true);
    expect(materialFileFits('video/mp4', 'document')).toBe(false);
    expect(materialFileFits('text/html', 'document')).toBe(false);
    expect(materialFileExtensions('audio')).toEqual(['mp3', 'm4a', 'aac']);
    expect(materialFileProblem({ name: '课堂录像.mp4', size: MATERIAL_FILE_BYTES_MAX.video }, 'video')).toBeUndefined();
    expect(materialFileProblem({ name: '课堂录像.mp4', size: MATERIAL_FILE_BYTES_MAX.video + 1 }, 'video')).toBe('文件不能超过 500 MB');
    expect(materialFileProblem({ name: '课堂录像.mp4', size: 10 }, 'document')).toBe('只能上传 PDF、Word、PPT、Excel，不超过 50 MB');
  });
});

describe('MaterialUploadRequest', () => {
  it('takes the library’s types, with a declared size within the type’s cap', () => {
    expect(
      MaterialUploadRequest.safeParse({ contentType: 'audio/mpeg', fileName: '选段.mp3', size: MATERIAL_FILE_BYTES_MAX.audio }).success,
    ).toBe(true);
    expect(
      pathsOf(
        MaterialUploadRequest.safeParse({ contentType: 'audio/mpeg', fileName: '选段.mp3', size: MATERIAL_FILE_BYTES_MAX.audio + 1 }),
      ),
    ).toEqual(['size']);
    expect(pathsOf(MaterialUploadRequest.safeParse({ contentType: 'image/gif', fileName: 'a.gif' }))).toEqual(['contentType']);
    expect(pathsOf(MaterialUploadRequest.safeParse({ contentType: 'application/pdf', fileName: 'a/b.pdf' }))).toEqual(['fileName']);
    expect(pathsOf(MaterialUploadRequest.safeParse({ contentType: 'application/pdf', fileName: 'a.pdf', extra: 1 }))).toEqual(['']);
  });
});

describe('MaterialInput', () => {
  const base = { title: '越剧唱腔入门', category: '公益班' };
  const file = { key: 'library/u_1/01J00000000000000000000000.mp4', name: '课堂录像.mp4' };

  it('wants a link or a file for a video, document or audio, never both', () => {
    expect(MaterialInput.safeParse({ ...base, kind: 'video', file }).success).toBe(true);
    expect(MaterialInput.safeParse({ ...base, kind: 'video', url: 'https://example.org/a.mp4' }).success).toBe(true);
    expect(pathsOf(MaterialInput.safeParse({ ...base, kind: 'video' }))).toEqual(['url']);
    expect(pathsOf(MaterialInput.safeParse({ ...base, kind: 'video', file, url: 'https://example.org/a.mp4' }))).toEqual(['file']);
    expect(pathsOf(MaterialInput.safeParse({ ...base, kind: 'article', body: '全文', file }))).toEqual(['file']);
  });

  it('names only keys of the library’s folder, ending in a type it takes', () => {
    for (const key of [
      'feed/a1/u_1/01J00000000000000000000000.jpg',
      'library/u_1/../01J00000000000000000000000.pdf',
      'library/u_1/01J00000000000000000000000.exe',
    ]) {
      expect(pathsOf(MaterialInput.safeParse({ ...base, kind: 'document', file: { key, name: 'a.pdf' } }))).toEqual(['file.key']);
    }
  });
});
