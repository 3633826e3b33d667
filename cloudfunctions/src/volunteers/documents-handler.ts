/**
 * The volunteers' documents, a function of their own: exceljs (most of a megabyte) loads here and
 * nowhere on the volunteers' request path. A certificate's workbook for its holder or a coordinator,
 * and every approved record of a period for coordinators (志愿服务记录证明).
 */
import { centerDate, formatSerial, servedDay, startOfCenterDay, XLSX_TYPE } from '@hele/shared';
import { volunteerDocumentsRoutes } from '@hele/shared/contract/volunteers';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { loadUsers } from '../lib/principal';
import { createCertificateService } from './certificate-service';
import { CERTIFICATE_ISSUER } from './hours-service';
import { certificateRepository, serviceRecordRepository } from './repository';
import { certificateWorkbook, hoursWorkbook } from './workbooks';

const certificates = () =>
  createCertificateService({
    certificates: certificateRepository,
    recordsOf: serviceRecordRepository.allOfUser,
    issuer: CERTIFICATE_ISSUER,
    appOrigin: env().APP_ORIGIN,
  });

/** A period's approved records, each with the volunteer's real name (or nickname, marked), by day served. */
const approvedRecords = async (from: string, to: string) => {
  // A record is created once it was served: those created before the period began are none of its.
  const since = startOfCenterDay(new Date(`${from}T12:00:00Z`));
  const records = (await serviceRecordRepository.approvedSince(since))
    .map((record) => ({ ...record, servedDay: servedDay(record.servedOn) }))
    .filter((record) => record.servedDay >= from && record.servedDay <= to);
  const people = await loadUsers(records.map((record) => record.userId));
  return records
    .map((record) => {
      const person = people.get(record.userId);
      const volunteerName = person?.realName ?? `${person?.nickname ?? record.nickname}（未填实名）`;
      return { ...record, volunteerName };
    })
    .sort((a, b) => a.servedDay.localeCompare(b.servedDay) || a.volunteerName.localeCompare(b.volunteerName, 'zh'));
};

export const handler = createHttpHandler(volunteerDocumentsRoutes, {
  certificateWorkbook: async ({ params, caller }) => {
    const certificate = await certificates().forHolder(params.serial, caller);
    return download(await certificateWorkbook(certificate), XLSX_TYPE, `志愿服务记录证明-${formatSerial(certificate.serial)}.xlsx`);
  },
  hoursWorkbook: async ({ query }) => {
    const year = centerDate(new Date()).slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    const records = await approvedRecords(from, to);
    return download(await hoursWorkbook({ from, to }, records, CERTIFICATE_ISSUER), XLSX_TYPE, `志愿服务时长-${from}至${to}.xlsx`);
  },
});
