/**
 * feedDocuments: 生成报道, a function of its own so that docx (most of a megabyte) loads here and
 * nowhere on the feed's request path.
 */
import { feedDocumentsRoutes } from '@hele/shared/contract/feed';
import { activitySummary } from '../domain/activities/summary';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { mediaStorage } from '../lib/storage';
import { createReportService, reportFileName, type ReportService } from './report';
import { reportDocument } from './report-document';
import { reportHtml } from './report-html';
import { feedRepository } from './repository';

let service: ReportService | undefined;
const reports = () =>
  (service ??= createReportService({ feed: feedRepository, activity: activitySummary, media: mediaStorage(env().MEDIA_BUCKET) }));

export const handler = createHttpHandler(feedDocumentsRoutes, {
  report: async ({ params, query }) => {
    const { title, article } = await reports().article(params.id, query.photos);
    return download(reportHtml(article), 'text/html; charset=utf-8', reportFileName(title, 'html'));
  },
  reportDocument: async ({ params, query }) => {
    const { title, article } = await reports().article(params.id, query.photos);
    return download(
      await reportDocument(article),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      reportFileName(title, 'docx'),
    );
  },
});
