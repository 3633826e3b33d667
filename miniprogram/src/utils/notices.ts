/**
 * Asking the member whether WeChat may tell them of an outcome later (their leave decided, their
 * hours decided, the activity cancelled) by a subscribe message. WeChat shows its prompt only during a tap,
 * so call this first thing in the tap's handler; what the member accepts is told to the server (one
 * accept = one message). Never in the way: on H5, without templates, or when refused, the inbox alone tells.
 */
import Taro from '@tarojs/taro';
import { parseNoticeTemplates, type NoticeTopic } from '@hele/shared';
import { api } from '@/api';

export const askForNotices = (topics: NoticeTopic[]): void => {
  if (process.env.TARO_ENV !== 'weapp') return;
  const templates = parseNoticeTemplates(process.env.TARO_APP_NOTICE_TEMPLATES ?? '');
  const asked = topics.filter((topic) => templates[topic]);
  if (!asked.length) return;
  Taro.requestSubscribeMessage({ tmplIds: asked.map((topic) => templates[topic]!), entityIds: [] }).then(
    (answer) => {
      const accepted = asked.filter((topic) => (answer as unknown as Record<string, string>)[templates[topic]!] === 'accept');
      if (accepted.length) api.notifications.noticeConsent({ body: { topics: accepted } }).catch(() => undefined);
    },
    () => undefined,
  );
};
