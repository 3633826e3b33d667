/** Hands a CSV table to the user: a download in the browser; in WeChat, the clipboard (to paste into a sheet). */
import Taro from '@tarojs/taro';
import { downloadInBrowser } from './document';

export const saveCsv = async (csv: string, filename: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(csv, 'text/csv;charset=utf-8', filename);
  await Taro.setClipboardData({ data: csv });
  void Taro.showToast({ title: '已复制，可粘贴到表格', icon: 'none' });
};
