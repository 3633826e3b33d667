/** The report as one web page: its photos inside it (data URLs), so it opens anywhere and pastes into the 公众号 editor whole. */
import type { ReportArticle } from './report';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');
const MIME = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

export const reportHtml = ({ headline, meta, lead, moments, photos, publisher }: ReportArticle): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(headline)}</title>
<style>
body { margin: 0 auto; max-width: 680px; padding: 24px 16px; font: 17px/1.8 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; }
h1 { font-size: 24px; line-height: 1.4; margin: 0 0 8px; }
h2 { font-size: 19px; border-left: 4px solid #c8161d; padding-left: 10px; margin: 28px 0 12px; }
.meta, figcaption, footer { color: #888; font-size: 14px; }
.moments { list-style: none; padding: 0; }
.moments li { margin: 0 0 14px; }
.moments time { display: inline-block; min-width: 3.5em; color: #c8161d; font-weight: 600; }
figure { margin: 0 0 20px; }
figure img { display: block; width: 100%; height: auto; border-radius: 4px; }
</style>
</head>
<body>
<article class="report">
<h1>${escapeHtml(headline)}</h1>
<p class="meta">${escapeHtml(meta)}</p>
<p class="lead">${paragraphs(lead)}</p>
<h2>关键时刻</h2>
<ol class="moments">
${moments.map(({ time, text }) => `<li><time>${escapeHtml(time)}</time> ${paragraphs(text)}</li>`).join('\n')}
</ol>
${
  photos.length
    ? `<h2>现场图片</h2>\n${photos
        .map(
          (photo) =>
            `<figure><img src="data:${MIME[photo.type]};base64,${Buffer.from(photo.bytes).toString('base64')}" width="${photo.width}" height="${photo.height}" alt="${escapeHtml(photo.caption)}"><figcaption>${escapeHtml(photo.caption)}</figcaption></figure>`,
        )
        .join('\n')}`
    : ''
}
<footer>来源：${escapeHtml(publisher)}</footer>
</article>
</body>
</html>
`;
