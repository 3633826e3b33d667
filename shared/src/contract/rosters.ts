/**
 * The rosters function's routes: a branch's roster imported from Excel (template, upload, preview,
 * commit) and the import list of people waiting to claim their line. Its own function, so that
 * exceljs stays out of the directory's zip.
 */
import * as z from 'zod';
import { Role } from '../constants';
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
import { defineRoutes, fileReply } from './define';

/** The branch's own secretary (checked by the service) and the center. */
const KEEPERS = [Role.SECRETARY, Role.COORDINATOR] as const;

export const rostersRoutes = defineRoutes({
  template: {
    method: 'GET',
    path: '/branches/{id}/roster-template',
    access: KEEPERS,
    params: IdParams,
    reply: fileReply(XLSX_TYPE),
    summary: 'The Excel template of a roster: 姓名, 手机号, 政治面貌, 出生年份, 学历, 入党日期, with a sheet of notes.',
  },
  upload: {
    method: 'POST',
    path: '/branches/{id}/roster-uploads',
    access: KEEPERS,
    params: IdParams,
    body: RosterUploadRequest,
    reply: RosterUploadResponse,
    status: 201,
    summary: 'A presigned POST for one filled workbook (xlsx, at most 1 MB); the preview then names its key.',
  },
  preview: {
    method: 'POST',
    path: '/branches/{id}/roster-imports',
    access: KEEPERS,
    params: IdParams,
    body: RosterImportRequest,
    reply: RosterImportResponse,
    status: 201,
    summary:
      'Reads the uploaded workbook (then deletes it) into rows, each with what will become of it and an error per wrong column, in Chinese; writes no person.',
  },
  commit: {
    method: 'POST',
    path: '/branches/{id}/roster-imports/{importId}/commit',
    access: KEEPERS,
    params: RosterImportParams,
    reply: RosterImportResponse,
    summary:
      'Adds the rows without errors to the import list, each once: a person already there (by phone, else by name) is not added again, however often or concurrently the file is imported.',
  },
  people: {
    method: 'GET',
    path: '/branches/{id}/roster-people',
    access: KEEPERS,
    params: IdParams,
    query: RosterPeopleQuery,
    reply: RosterPeopleList,
  },
  removePerson: {
    method: 'DELETE',
    path: '/branches/{id}/roster-people/{personId}',
    access: KEEPERS,
    params: RosterPersonParams,
    reply: z.object({ removed: z.literal(true) }),
    summary: 'Takes a person who has not claimed their line off the import list (a mistake in the file).',
  },
});
