/** Hands a file the API made (a Word document, an Excel workbook, the data export) to the user: a download in the browser; in WeChat, opened with its menu to forward or save. */
import Taro from '@tarojs/taro';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The browser's download of a file made in the page. */
export const downloadInBrowser = (data: BlobPart, type: string, filename: string): void => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data], { type }));
  link.download = filename;
  link.click();
};

/** WeChat: the file in the mini-program's own folder on the phone; answers its path. */
const writeUserFile = async (filename: string, data: string | ArrayBuffer): Promise<string> => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data,
      ...(typeof data === 'string' ? { encoding: 'utf8' as const } : {}),
      success: () => resolve(),
      fail: reject,
    }),
  );
  return filePath;
};

export const saveOfficeFile = async (bytes: ArrayBuffer, filename: `${string}.${keyof typeof TYPES}`): Promise<void> => {
  const kind = filename.slice(filename.lastIndexOf('.') + 1) as keyof typeof TYPES;
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(bytes, TYPES[kind], filename);
  await Taro.openDocument({ filePath: await writeUserFile(filename, bytes), fileType: kind, showMenu: true });
};

/**
 * A JSON file (导出我的数据). WeChat opens no JSON document, so the file goes to a chat (文件传输助手, or
 * anyone the person picks), from where it is saved or forwarded.
 */
export const saveJsonFile = (json: string, filename: `${string}.json`): Promise<void> =>
  saveTextFile(json, 'application/json;charset=utf-8', filename);

/** A web page made by the API (生成报道): downloaded in the browser; in WeChat, sent to a chat like the JSON file. */
export const saveHtmlFile = (html: string, filename: `${string}.html`): Promise<void> =>
  saveTextFile(html, 'text/html;charset=utf-8', filename);

/** The browser shows a web page made by the API in a tab of its own (it is a file, not a page of the app). */
export const openHtmlInBrowser = (html: string): void => {
  window.open(URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' })), '_blank');
};

const saveTextFile = async (text: string, type: string, filename: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(text, type, filename);
  const filePath = await writeUserFile(filename, text);
  try {
    await Taro.shareFileMessage({ filePath, fileName: filename });
  } catch {
    void Taro.showToast({ title: '未发送，可稍后再次导出', icon: 'none' });
  }
};
