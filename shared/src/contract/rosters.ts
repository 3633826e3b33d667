/**
 * A branch's roster imported from Excel (template, upload, preview, commit) and the import list of
 * people waiting to claim their line, in two functions: the two routes that write or read a workbook
 * (exceljs, most of a megabyte) are `rosterWorkbooks`, so that the import list, the upload and the
 * commit answer from a small function (and exceljs stays out of the directory's zip).
 */
import { XLSX_TYPE } from '../rules/roster-import';
import {
  IdParams,
  RosterImportParams,
  RosterImportRequest,
  RosterImportResponse,
  RosterPeopleList,
  RosterPeopleQuery,
  RosterPersonParams,
  RosterUploadRequest,
  RosterUploadResponse,
} from '../schemas';
import { BRANCH_STAFF } from './access';
import { DELETE, GET, POST, Removed, defineRoutes, fileReply } from './define';

export const rosterWorkbooksRoutes = defineRoutes({
  template: GET('/branches/{id}/roster-template', BRANCH_STAFF, {
    params: IdParams,
    reply: fileReply(XLSX_TYPE),
    summary: 'The Excel template of a roster: 姓名, 手机号, 政治面貌, 出生年份, 学历, 入党日期, with a sheet of notes.',
  }),
  preview: POST('/branches/{id}/roster-imports', BRANCH_STAFF, {
    params: IdParams,
    body: RosterImportRequest,
    reply: RosterImportResponse,
    status: 201,
    summary:
      'Reads the uploaded workbook (then deletes it) into rows, each with what will become of it and an error per wrong column, in Chinese; writes no person.',
  }),
});

export const rostersRoutes = defineRoutes({
  upload: POST('/branches/{id}/roster-uploads', BRANCH_STAFF, {
    params: IdParams,
    body: RosterUploadRequest,
    reply: RosterUploadResponse,
    status: 201,
    summary: 'A presigned POST for one filled workbook (xlsx, at most 1 MB); the preview then names its key.',
  }),
  commit: POST('/branches/{id}/roster-imports/{importId}/commit', BRANCH_STAFF, {
    params: RosterImportParams,
    reply: RosterImportResponse,
    summary:
      'Adds the rows without errors to the import list, each once: a person already there (by phone, else by name) is not added again, however often or concurrently the file is imported.',
  }),
  people: GET('/branches/{id}/roster-people', BRANCH_STAFF, { params: IdParams, query: RosterPeopleQuery, reply: RosterPeopleList }),
  removePerson: DELETE('/branches/{id}/roster-people/{personId}', BRANCH_STAFF, {
    params: RosterPersonParams,
    reply: Removed,
    summary: 'Takes a person who has not claimed their line off the import list (a mistake in the file).',
  }),
});
