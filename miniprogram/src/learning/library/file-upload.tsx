/**
 * The file of a new material: picked (WeChat: from a chat's files; browser: its own file dialog, as
 * Taro has no chooseMessageFile on H5), checked against the kind's types and size, and uploaded at
 * once straight to the bucket with its progress; the form then names the key.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MATERIAL_FILE_HINTS, materialFileExtensions, materialFileProblem, materialFileTypeOf, type MaterialFileKind } from '@hele/shared';
import { api } from '@/api';
import { uploadFile } from '@/api/upload';
import { showError } from '@/utils/feedback';
import { Button } from '@/ui';

interface PickedFile {
  /** Where `uploadFile` reads it from: a weapp temp path or a blob URL. */
  path: string;
  name: string;
  size: number;
}

export interface UploadState {
  name: string;
  size: number;
  progress: number;
  /** Set once the bucket has it. */
  key?: string;
  failed?: boolean;
}

const pickInBrowser = (extensions: string[]) =>
  new Promise<PickedFile | undefined>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((extension) => `.${extension}`).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : undefined);
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });

/** One file of the kind, or undefined when the user closes the picker. */
const pickFile = async (kind: MaterialFileKind): Promise<PickedFile | undefined> => {
  const extensions = materialFileExtensions(kind);
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(extensions);
  try {
    const [file] = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })).tempFiles;
    return file && { path: file.path, name: file.name, size: file.size };
  } catch {
    return undefined;
  }
};

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const useFileUpload = () => {
  const [upload, setUpload] = useState<UploadState>();
  const update = (change: Partial<UploadState>) => setUpload((current) => current && { ...current, ...change });

  const choose = async (kind: MaterialFileKind) => {
    const picked = await pickFile(kind);
    if (!picked) return;
    const problem = materialFileProblem(picked, kind);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setUpload({ name: picked.name, size: picked.size, progress: 0 });
    try {
      const { upload: ticket } = await api.library.upload({
        body: { contentType: materialFileTypeOf(picked.name)!, fileName: picked.name, size: picked.size },
      });
      const key = await uploadFile(ticket, picked.path, (progress) => update({ progress }));
      update({ key, progress: 100 });
    } catch (error) {
      update({ failed: true });
      showError(error);
    }
  };

  return { upload, choose, clear: () => setUpload(undefined), uploading: !!upload && !upload.key && !upload.failed };
};

export function FileUpload({ kind, state }: { kind: MaterialFileKind; state: ReturnType<typeof useFileUpload> }) {
  const { upload } = state;
  const status = !upload
    ? MATERIAL_FILE_HINTS[kind]
    : upload.failed
      ? '上传失败，请重试'
      : upload.key
        ? `已上传 ${formatBytes(upload.size)}`
        : `上传中 ${upload.progress}%`;
  return (
    <View className='library__file'>
      <Button size='small' disabled={state.uploading} onClick={() => void state.choose(kind)}>
        {upload ? '重新选择' : '上传文件'}
      </Button>
      <View className='library__file-state'>
        {upload && <Text className='library__file-name'>{upload.name}</Text>}
        <Text className={upload?.failed ? 'library__file-failed' : 'muted'}>{status}</Text>
      </View>
    </View>
  );
}
