import { z } from 'zod';

/** 支援経過の手段: how the contact was made. */
export const contactMeansSchema = z.enum(
  ['visit', 'phone', 'office', 'accompany', 'meeting', 'document', 'other'],
  { message: '手段を選んでください' },
);
export type ContactMeans = z.infer<typeof contactMeansSchema>;
export const contactMeansLabels: Record<ContactMeans, string> = {
  visit: '訪問',
  phone: '電話',
  office: '来所',
  accompany: '同行',
  meeting: '会議',
  document: '文書',
  other: 'その他',
};
