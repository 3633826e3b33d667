/**
 * Photos go from the phone straight to the media bucket: the API hands out a presigned POST for one
 * photo, `Taro.uploadFile` sends the policy's fields and the file (on H5 as a browser form post), and
 * the post then names the photo's key. The bucket checks the size, type and key the API signed.
 */
import Taro from '@tarojs/taro';
import type { UploadTicket } from '@hele/shared';
import { ApiError } from './http';

/** Sends one photo with its ticket; `onProgress` gets 0–100. Resolves with the photo's key. */
export const uploadPhoto = async (ticket: UploadTicket, filePath: string, onProgress: (percent: number) => void): Promise<string> => {
  const task = Taro.uploadFile({ url: ticket.url, filePath, name: 'file', formData: ticket.fields, withCredentials: false, timeout: 60_000 });
  task.progress(({ progress }) => onProgress(progress));
  let reply: Awaited<typeof task>;
  try {
    reply = await task;
  } catch {
    throw new ApiError(0, 'NETWORK', '图片上传失败，请检查网络后重试');
  }
  // S3 answers a POST upload with 204 (or 201/200 when asked); anything else is its XML error.
  if (reply.statusCode < 200 || reply.statusCode >= 300) {
    const code = /<Code>([^<]+)<\/Code>/.exec(String(reply.data))?.[1] ?? 'UPLOAD_FAILED';
    throw new ApiError(reply.statusCode, code, code === 'EntityTooLarge' ? '图片太大，请压缩后再传' : `图片上传失败 (${reply.statusCode})`);
  }
  onProgress(100);
  return ticket.key;
};
