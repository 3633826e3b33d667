/** A field's problem, under the field, in Chinese (see hooks/use-form-check). */
import { Text } from '@tarojs/components';
import './index.scss';

export default function FieldError({ message, field }: { message?: string; field: string }) {
  return message ? <Text className={`field-error field-error--${field}`}>{message}</Text> : null;
}
