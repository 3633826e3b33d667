/** A member's progress in a class series: the bar and its line. */
import { View, Text } from '@tarojs/components';
import type { SeriesProgress } from '@hele/shared';
import { progressLine } from './labels';

export default function ProgressBar({ progress }: { progress: SeriesProgress }) {
  return (
    <>
      <View className='classes__progress'>
        <View className='classes__bar' style={{ width: `${progress.percent}%` }} />
      </View>
      <Text className='muted classes__progress-text'>{progressLine(progress)}</Text>
    </>
  );
}
