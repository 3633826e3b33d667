/**
 * A QR code drawn with views, so it renders the same in WeChat and the browser without a canvas.
 * The matrix comes from the `qrcode` library; each row is drawn as runs of dark modules.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { create } from 'qrcode';
import { useMemo } from 'react';
import './index.scss';

/**
 * Dark runs of each row: [start column, length]. The text goes in as bytes: given a string, the
 * library calls TextEncoder, which WeChat's JavaScript runtime does not have. Our codes are ASCII.
 */
export const qrRuns = (text: string): { size: number; rows: Array<Array<[number, number]>> } => {
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
  const { modules } = create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const rows: Array<Array<[number, number]>> = [];
  for (let row = 0; row < modules.size; row++) {
    const runs: Array<[number, number]> = [];
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const last = runs.at(-1);
      if (last && last[0] + last[1] === col) last[1]++;
      else runs.push([col, 1]);
    }
    rows.push(runs);
  }
  return { size: modules.size, rows };
};

export default function QrCode({ text, size = 480 }: { text: string; size?: number }) {
  const { size: modules, rows } = useMemo(() => qrRuns(text), [text]);
  const cell = size / modules;
  const px = (value: number) => Taro.pxTransform(value);
  return (
    <View className='qr-code' style={{ width: px(size), height: px(size), padding: px(cell * 4) }} data-text={text}>
      {rows.map((runs, row) => (
        <View key={row} className='qr-code__row' style={{ height: px(cell) }}>
          {runs.map(([start, length]) => (
            <View key={start} className='qr-code__run' style={{ left: px(start * cell), width: px(length * cell), height: px(cell) }} />
          ))}
        </View>
      ))}
    </View>
  );
}
