/** The roster's workbooks: the Excel template and the preview of a filled one (exceljs loads here only). */
import { XLSX_TYPE } from '@hele/shared';
import { rosterWorkbooksRoutes } from '@hele/shared/contract/rosters';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { mediaStorage } from '../lib/storage';
import { rosterRepository } from './repository';
import { createRosterWorkbookService, type RosterWorkbookService } from './workbook-service';

let service: RosterWorkbookService | undefined;
const workbooks = (): RosterWorkbookService =>
  (service ??= createRosterWorkbookService({ rosters: rosterRepository, media: mediaStorage(env().MEDIA_BUCKET) }));

export const handler = createHttpHandler(rosterWorkbooksRoutes, {
  template: async ({ params, caller }) => {
    const { bytes, branchName } = await workbooks().template(params.id, caller);
    return download(bytes, XLSX_TYPE, `${branchName}-党员名册模板.xlsx`);
  },
  preview: async ({ params, body, caller }) => ({ import: await workbooks().preview(params.id, body, caller) }),
});
