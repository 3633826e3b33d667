/**
 * Photos of a post: the composer's picker (each photo uploaded as soon as it is chosen, with its
 * progress, as a grid of small thumbnails under the text box) and the grid a post shows them in. A
 * thumbnail shows the whole photo (fitted, never cropped: no heads cut off); a tap opens it full size.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { photoProblem, photoTypeOf, POST_IMAGES_MAX, type ChosenPhoto, type Post } from '@hele/shared';
import { api } from '@/api';
import { uploadPhoto } from '@/api/upload';
import { showError } from '@/utils/feedback';

export interface PickedPhoto {
  /** Where the app shows it from while it uploads (a temp path or a blob URL). */
  preview: string;
  progress: number;
  /** Set once the bucket has it. */
  key?: string;
  failed?: boolean;
}

/** The composer's photos: keys of the uploaded ones, and whether any is still on its way. */
export const usePhotoPicker = (activityId: string) => {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const latest = useRef(photos);
  latest.current = photos;
  const update = (preview: string, change: Partial<PickedPhoto>) =>
    setPhotos((current) => current.map((photo) => (photo.preview === preview ? { ...photo, ...change } : photo)));

  const upload = async (chosen: ChosenPhoto) => {
    try {
      const { upload: ticket } = await api.feed.upload({
        params: { id: activityId },
        body: { contentType: photoTypeOf(chosen)!, size: chosen.size },
      });
      const key = await uploadPhoto(ticket, chosen.path, (progress) => update(chosen.path, { progress }));
      update(chosen.path, { key, progress: 100 });
    } catch (error) {
      update(chosen.path, { failed: true });
      showError(error);
    }
  };

  const choose = async () => {
    const room = POST_IMAGES_MAX - latest.current.length;
    if (room <= 0) return;
    let chosen: ChosenPhoto[];
    try {
      chosen = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles.slice(
        0,
        room,
      );
    } catch {
      return; // the user closed the picker
    }
    const problem = chosen.map(photoProblem).find(Boolean);
    if (problem) void Taro.showToast({ title: problem, icon: 'none' });
    const accepted = chosen.filter((photo) => !photoProblem(photo));
    setPhotos((current) => [...current, ...accepted.map((photo) => ({ preview: photo.path, progress: 0 }))]);
    await Promise.all(accepted.map(upload));
  };

  return {
    photos,
    choose,
    remove: (preview: string) => setPhotos((current) => current.filter((photo) => photo.preview !== preview)),
    clear: () => setPhotos([]),
    keys: photos.flatMap((photo) => (photo.key ? [photo.key] : [])),
    uploading: photos.some((photo) => !photo.key && !photo.failed),
  };
};

export function PhotoPicker({ picker }: { picker: ReturnType<typeof usePhotoPicker> }) {
  const previews = picker.photos.map((photo) => photo.preview);
  return (
    <View className='feed__photos feed__photos--picker'>
      {picker.photos.map((photo) => (
        <View key={photo.preview} className='feed__photo feed__photo--picked'>
          <Image
            className='feed__photo-image'
            src={photo.preview}
            mode='aspectFit'
            onClick={() => void Taro.previewImage({ current: photo.preview, urls: previews })}
          />
          {!photo.key && <Text className='feed__photo-state'>{photo.failed ? '上传失败' : `${photo.progress}%`}</Text>}
          <Text
            className='feed__photo-remove'
            onClick={(event) => {
              event.stopPropagation();
              picker.remove(photo.preview);
            }}
          >
            ×
          </Text>
        </View>
      ))}
      {picker.photos.length < POST_IMAGES_MAX && (
        <View className='feed__photo feed__photo-add' onClick={picker.choose}>
          <Text>＋</Text>
          <Text className='muted'>照片</Text>
        </View>
      )}
    </View>
  );
}

/** A post's photos: the signed-in feed's (with their keys) or the public page's (links only). */
export function PhotoGrid({ images }: { images: Array<Pick<Post['images'][number], 'url' | 'thumbnailUrl'>> }) {
  if (!images.length) return null;
  const urls = images.map((image) => image.url);
  return (
    <View className={`feed__photos ${images.length === 1 ? 'feed__photos--single' : ''}`}>
      {images.map((image) => (
        <Image
          key={image.url.split('?')[0]}
          className='feed__photo feed__photo-image'
          src={image.thumbnailUrl}
          mode='aspectFit'
          lazyLoad
          onClick={() => void Taro.previewImage({ current: image.url, urls })}
        />
      ))}
    </View>
  );
}
