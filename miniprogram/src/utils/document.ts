/** Hands a document the API made (a Word file) to the user: a download in the browser; in WeChat, opened with its menu to forward or save. */
import Taro from '@tarojs/taro';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const saveWordDocument = async (bytes: ArrayBuffer, filename: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: WORD }));
    link.download = filename;
    link.click();
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  await new Promise<void>((resolve, reject) => Taro.getFileSystemManager().writeFile({ filePath, data: bytes, success: () => resolve(), fail: reject }));
  await Taro.openDocument({ filePath, fileType: 'docx', showMenu: true });
};
