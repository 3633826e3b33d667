/** A labelled one-of-many field (Taro's selector Picker): `label：当前选项`, the options' labels to pick from. */
import { Picker, Text, View } from '@tarojs/components';
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

/**
 * A one-of-many field with every option in sight, as a row of chips (a page's tabs, a material's kind):
 * the row is `className`, each chip `chipClass` and `chipClass--option`, the chosen one `chip--on`.
 */
export function Chips<T extends string>({
  options,
  labels,
  value,
  onChange,
  className,
  chipClass,
}: {
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  className: string;
  chipClass: string;
}) {
  return (
    <View className={className}>
      {options.map((option) => (
        <Text
          key={option}
          className={`chip ${chipClass} ${chipClass}--${option} ${value === option ? 'chip--on' : ''}`}
          onClick={() => onChange(option)}
        >
          {labels[option]}
        </Text>
      ))}
    </View>
  );
}

/**
 * A block's row of tabs (styles/_tabs: `block__tabs`, each `block__tab`, the shown one `block__tab--on`):
 * which of the page's views shows.
 */
export function Tabs<T extends string>({
  block,
  options,
  labels,
  value,
  onChange,
}: {
  block: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <View className={`${block}__tabs`}>
      {options.map((option) => (
        <Text key={option} className={`${block}__tab ${value === option ? `${block}__tab--on` : ''}`} onClick={() => onChange(option)}>
          {labels[option]}
        </Text>
      ))}
    </View>
  );
}
