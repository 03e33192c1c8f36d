/** The core's inline runs → docx text elements (mentions for people with an open_id, reminders for dates). */
import type { Inline } from '../../core/model/document';
import type { TextElement } from './blocks';
import { instant } from './time';

export function toElements(content: readonly Inline[], timeZone: string): TextElement[] {
  const out: TextElement[] = [];
  for (const run of content) {
    switch (run.type) {
      case 'text':
        if (run.text) out.push({ text_run: { content: run.text, text_element_style: run.bold ? { bold: true } : {} } });
        break;
      case 'person':
        if (run.id) out.push({ mention_user: { user_id: run.id, text_element_style: {} } });
        else out.push({ text_run: { content: run.name, text_element_style: {} } });
        break;
      case 'date': {
        const ms = instant(run.date, run.time ?? null, timeZone);
        out.push({ reminder: { is_notify: false, is_whole_day: !run.time, expire_time: String(ms), notify_time: String(ms), text_element_style: {} } });
        break;
      }
      case 'link':
        out.push({ text_run: { content: run.text || run.url, text_element_style: { link: { url: encodeURIComponent(run.url) } } } });
        break;
    }
  }
  return out;
}
