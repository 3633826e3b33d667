/** Coordinators pick a question bank: the certification exam's, or a training topic's quiz. */
import { Text, View } from '@tarojs/components';
import type { ExamBank } from '@hele/shared';
import { BANK_LABELS, BANKS } from './labels';
import './bank-picker.scss';

export default function BankPicker({ bank, onChange }: { bank: ExamBank; onChange: (bank: ExamBank) => void }) {
  return (
    <View className='bank-picker'>
      {BANKS.map((key) => (
        <Text key={key} className={`bank-picker__bank ${bank === key ? 'bank-picker__bank--on' : ''}`} onClick={() => onChange(key)}>
          {BANK_LABELS[key]}
        </Text>
      ))}
    </View>
  );
}
