/** A part of a page set apart as a card under its title (app.scss: .card, .section-title). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

export default function Card({ title, className, children }: { title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <View className={className ? `card ${className}` : 'card'}>
      <Text className='section-title'>{title}</Text>
      {children}
    </View>
  );
}

/** A card of a list that opens its thing's page when tapped; `id` is its data-id, what finds it on the page. */
export function LinkCard({ id, url, className, children }: { id: string; url: string; className: string; children?: ReactNode }) {
  return (
    <View className={`card ${className}`} data-id={id} onClick={() => Taro.navigateTo({ url })}>
      {children}
    </View>
  );
}
