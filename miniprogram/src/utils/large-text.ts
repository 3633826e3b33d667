/**
 * 长辈模式 (适老化): larger text and touch targets, switched in 我的 and kept across launches. The class
 * `hele-large` sets larger values of the CSS variables the app and NutUI size themselves with (app.scss).
 * H5 has one document: the class on <html> reaches every page. A weapp page has no root we can class from
 * the app, so its root view takes `largeTextClass(on)` (the tab pages and the pages older members use).
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const KEY = 'hele.largeText';
export const LARGE_TEXT_CLASS = 'hele-large';

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

export const largeTextOn = (): boolean => Taro.getStorageSync(KEY) === true;

/** H5: on the document, for every page at once. */
export const applyLargeText = (on: boolean): void => {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle(LARGE_TEXT_CLASS, on);
};

export const setLargeText = (on: boolean): void => {
  Taro.setStorageSync(KEY, on);
  applyLargeText(on);
  for (const listener of listeners) listener(on);
};

/** Whether 长辈模式 is on, following the switch. */
export const useLargeText = (): boolean => {
  const [on, setOn] = useState(largeTextOn);
  useEffect(() => {
    listeners.add(setOn);
    return () => void listeners.delete(setOn);
  }, []);
  return on;
};

/** The class a page's root view adds (weapp; harmless on H5, where <html> has it already). */
export const largeTextClass = (on: boolean): string => (on ? LARGE_TEXT_CLASS : '');
