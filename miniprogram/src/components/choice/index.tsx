/** A labelled one-of-many field (Taro's selector Picker): `label：当前选项`, the options' labels to pick from. */
import { Picker, View } from '@tarojs/components';
import './index.scss';

export function Choice<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
  className = '',
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <Picker
      mode='selector'
      range={options.map((option) => labels[option])}
      value={options.indexOf(value)}
      onChange={(e) => onChange(options[Number(e.detail.value)]!)}
    >
      <View className={`choice ${className}`}>
        {label}：{labels[value]}
      </View>
    </Picker>
  );
}
