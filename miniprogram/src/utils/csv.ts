/** Hands a CSV table to the user: a download in the browser; in WeChat, the clipboard (to paste into a sheet). */
import Taro from '@tarojs/taro';

export const saveCsv = async (csv: string, filename: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = filename;
    link.click();
    return;
  }
  await Taro.setClipboardData({ data: csv });
  void Taro.showToast({ title: '已复制，可粘贴到表格', icon: 'none' });
};
