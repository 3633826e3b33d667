/**
 * NutUI's Empty with the app's own picture: NutUI's default is fetched from a CDN outside the app, which
 * the mini-program may not reach (its domains are the center's) and the browser shows broken.
 */
import type { ComponentProps } from 'react';
import NutEmpty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import picture from '@/assets/empty/empty.png';

export default function Empty(props: ComponentProps<typeof NutEmpty>) {
  return <NutEmpty image={picture} imageSize={120} {...props} />;
}
