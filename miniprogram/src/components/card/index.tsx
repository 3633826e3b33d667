/** A part of a page set apart as a card under its title (app.scss: .card, .section-title). */
import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export default function Card({ title, className, children }: { title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <View className={className ? `card ${className}` : 'card'}>
      <Text className='section-title'>{title}</Text>
      {children}
    </View>
  );
}
