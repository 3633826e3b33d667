/** The width and height a JPEG, PNG or WebP file declares, read from its header (for placing it in a Word page). */
export interface ImageSize {
  width: number;
  height: number;
}

const pngSize = (bytes: Uint8Array, view: DataView): ImageSize | undefined =>
  bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;

/** JPEG: the first start-of-frame segment (SOF0–SOF15, not DHT, JPG or DAC) holds the size. */
const jpegSize = (bytes: Uint8Array, view: DataView): ImageSize | undefined => {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + length;
  }
  return undefined;
};

const webpSize = (bytes: Uint8Array, view: DataView): ImageSize | undefined => {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 30 || text(0, 4) !== 'RIFF' || text(8, 12) !== 'WEBP') return undefined;
  const chunk = text(12, 16);
  if (chunk === 'VP8X') return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
};

export const imageSize = (bytes: Uint8Array): ImageSize | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return pngSize(bytes, view) ?? jpegSize(bytes, view) ?? webpSize(bytes, view);
  } catch {
    return undefined; // a header cut short
  }
};
