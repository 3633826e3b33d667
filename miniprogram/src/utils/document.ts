/** Hands a file the API made (a Word document, an Excel workbook) to the user: a download in the browser; in WeChat, opened with its menu to forward or save. */
import Taro from '@tarojs/taro';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const saveOfficeFile = async (bytes: ArrayBuffer, filename: `${string}.${keyof typeof TYPES}`): Promise<void> => {
  const kind = filename.slice(filename.lastIndexOf('.') + 1) as keyof typeof TYPES;
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: TYPES[kind] }));
    link.download = filename;
    link.click();
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: bytes, success: () => resolve(), fail: reject }),
  );
  await Taro.openDocument({ filePath, fileType: kind, showMenu: true });
};
