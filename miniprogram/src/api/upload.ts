/**
 * Photos and the library's files go from the phone straight to the media bucket: the API hands out a
 * presigned POST for one file, `Taro.uploadFile` sends the policy's fields and the file (on H5 as a
 * browser form post), and the post or material then names the key. The bucket checks the size, type
 * and key the API signed.
 */
import Taro from '@tarojs/taro';
import type { UploadTicket } from '@hele/shared';
import { appError } from './http';

/** What an upload is called in its messages: 图片 for the feed's photos, 文件 for the library's files. */
type Noun = '图片' | '文件';
const TOO_LARGE: Record<Noun, string> = { 图片: '图片太大，请压缩后再传', 文件: '文件太大，超过了允许的大小' };

/** Sends one file with its ticket; `onProgress` gets 0–100. Resolves with the file's key. */
const sendToBucket = async (
  ticket: UploadTicket,
  filePath: string,
  onProgress: (percent: number) => void,
  noun: Noun,
  timeout: number,
): Promise<string> => {
  const task = Taro.uploadFile({ url: ticket.url, filePath, name: 'file', formData: ticket.fields, withCredentials: false, timeout });
  task.progress(({ progress }) => onProgress(progress));
  let reply: Awaited<typeof task>;
  try {
    reply = await task;
  } catch {
    throw appError(0, 'NETWORK', `${noun}上传失败，请检查网络后重试`);
  }
  // S3 answers a POST upload with 204 (or 201/200 when asked); anything else is its XML error.
  if (reply.statusCode < 200 || reply.statusCode >= 300) {
    const code = /<Code>([^<]+)<\/Code>/.exec(String(reply.data))?.[1] ?? 'UPLOAD_FAILED';
    throw appError(reply.statusCode, code, code === 'EntityTooLarge' ? TOO_LARGE[noun] : `${noun}上传失败 (${reply.statusCode})`);
  }
  onProgress(100);
  return ticket.key;
};

export const uploadPhoto = (ticket: UploadTicket, filePath: string, onProgress: (percent: number) => void) =>
  sendToBucket(ticket, filePath, onProgress, '图片', 60_000);

/** A library file may be a video of hundreds of MB on a phone's network: it gets half an hour. */
export const uploadFile = (ticket: UploadTicket, filePath: string, onProgress: (percent: number) => void) =>
  sendToBucket(ticket, filePath, onProgress, '文件', 30 * 60_000);
