/** Pictures the API sends as bytes (an invitation's QR). */
import Taro from '@tarojs/taro';

/**
 * A PNG's bytes as a data URL an <Image> shows, on weapp and H5 alike. Taro's H5 `arrayBufferToBase64`
 * reads a byte array only: given the ArrayBuffer itself it answers an empty string (a broken picture).
 */
export const pngDataUrl = (bytes: ArrayBuffer): string =>
  `data:image/png;base64,${Taro.arrayBufferToBase64((process.env.TARO_ENV === 'h5' ? new Uint8Array(bytes) : bytes) as ArrayBuffer)}`;
