/**
 * The volunteers feature's tables: profiles, the question banks and attempts, reading service
 * records (their writes are lib/service-records items run in transactions by the service), and the
 * issued certificates.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ExamBank } from '@hele/shared';
import { doc, isConditionFailure, transactNamed, type TransactItem } from '../lib/db';
import { activeQuestionsQuery, bankSuffix, questionKeys } from '../domain/question-bank';
import { newestOnIndex, queryAll, queryPage, type PageRequest } from '../lib/pagination';
import { ServiceRecordItem } from '../domain/service-records';
import { AttemptRecord, CandidateState, CertificateRecord, QuestionRecord, VolunteerRecord } from './records';
import { tableName } from '../lib/tables';

/** Each bank's attempts of a candidate sit apart, so cool-downs and open attempts are per bank. */
const candidateKey = (userId: string, bank: ExamBank) => `A#${userId}${bankSuffix(bank)}`;
const STATE_SK = 'STATE';
/** Attempts sort by their time-ordered id under `T#`; the candidate's STATE item sits beside them. */
export const attemptKeys = (userId: string, id: string, bank: ExamBank = ExamBank.CERTIFICATION) => ({
  pk: candidateKey(userId, bank),
  sk: `T#${id}`,
});
/** Coordinators list a bank's attempts on this index key. */
export const attemptListKey = (bank: ExamBank) => `attempt${bankSuffix(bank)}`;

export const volunteerRepository = {
  async get(userId: string): Promise<VolunteerRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('VOLUNTEERS_TABLE'), Key: { userId }, ConsistentRead: true }));
    return Item ? VolunteerRecord.parse(Item) : undefined;
  },

  /** Applies or updates the profile; the status and first application date are kept. */
  async apply(
    fields: Omit<VolunteerRecord, 'status' | 'appliedAt' | 'certifiedAt'>,
    status: VolunteerRecord['status'],
    at: string,
  ): Promise<VolunteerRecord> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName('VOLUNTEERS_TABLE'),
        Key: { userId: fields.userId },
        UpdateExpression:
          'SET nickname = :nickname, skills = :skills, availability = :availability, phone = :phone, #status = if_not_exists(#status, :status), appliedAt = if_not_exists(appliedAt, :at)' +
          (fields.intro ? ', intro = :intro' : ' REMOVE intro'),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':nickname': fields.nickname,
          ':skills': fields.skills,
          ':availability': fields.availability,
          ':phone': fields.phone,
          ':status': status,
          ':at': at,
          ...(fields.intro ? { ':intro': fields.intro } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return VolunteerRecord.parse(Attributes);
  },

  list: (status: VolunteerRecord['status'], page: PageRequest) =>
    queryPage(VolunteerRecord, newestOnIndex(tableName('VOLUNTEERS_TABLE'), 'byStatus', 'status', status), page),

  items: {
    certify: (userId: string, at: string): TransactItem => ({
      Update: {
        TableName: tableName('VOLUNTEERS_TABLE'),
        Key: { userId },
        UpdateExpression: 'SET #status = :certified, certifiedAt = :at',
        ConditionExpression: 'attribute_exists(userId)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':certified': 'certified', ':at': at },
      },
    }),
  },
};

export const questionRepository = {
  async create(record: QuestionRecord): Promise<void> {
    await doc.send(new PutCommand({ TableName: tableName('EXAMS_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(sk)' }));
  },

  list: (bank: ExamBank, page: PageRequest) =>
    queryPage(
      QuestionRecord,
      {
        TableName: tableName('EXAMS_TABLE'),
        KeyConditionExpression: 'pk = :q',
        ExpressionAttributeValues: { ':q': questionKeys(bank, '').pk },
        ScanIndexForward: false,
      },
      page,
    ),

  active: (bank: ExamBank) => queryAll(QuestionRecord, activeQuestionsQuery(bank)),

  async setActive(bank: ExamBank, id: string, active: boolean): Promise<QuestionRecord | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName('EXAMS_TABLE'),
          Key: questionKeys(bank, id),
          UpdateExpression: 'SET active = :active',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':active': active },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return QuestionRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },
};

export const attemptRepository = {
  async state(userId: string, bank: ExamBank): Promise<CandidateState> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName('EXAMS_TABLE'), Key: { pk: candidateKey(userId, bank), sk: STATE_SK }, ConsistentRead: true }),
    );
    return CandidateState.parse(Item ?? {});
  },

  async get(userId: string, id: string, bank: ExamBank = ExamBank.CERTIFICATION): Promise<AttemptRecord | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName('EXAMS_TABLE'), Key: attemptKeys(userId, id, bank), ConsistentRead: true }),
    );
    return Item ? AttemptRecord.parse(Item) : undefined;
  },

  /** The candidate's attempts at one bank, newest first. */
  ofCandidate: (userId: string, bank: ExamBank, page: PageRequest) =>
    queryPage(
      AttemptRecord,
      {
        TableName: tableName('EXAMS_TABLE'),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :attempt)',
        ExpressionAttributeValues: { ':pk': candidateKey(userId, bank), ':attempt': 'T' },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      page,
    ),

  all: (bank: ExamBank, page: PageRequest) =>
    queryPage(AttemptRecord, newestOnIndex(tableName('EXAMS_TABLE'), 'attemptsByStart', 'listKey', attemptListKey(bank)), page),

  /** Starts an attempt unless one is open or the cool-down runs: `ok`, or `state` when refused. */
  async start(record: AttemptRecord, now: string) {
    return transactNamed<'state' | 'attempt'>(doc, [
      {
        name: 'state',
        item: {
          Update: {
            TableName: tableName('EXAMS_TABLE'),
            Key: { pk: record.pk, sk: STATE_SK },
            UpdateExpression: 'SET openAttemptId = :id, openDeadline = :deadline',
            ConditionExpression: 'attribute_not_exists(openAttemptId) AND (attribute_not_exists(retryAt) OR retryAt <= :now)',
            ExpressionAttributeValues: { ':id': record.id, ':deadline': record.deadline, ':now': now },
          },
        },
      },
      {
        name: 'attempt',
        item: { Put: { TableName: tableName('EXAMS_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(sk)' } },
      },
    ]);
  },

  /** Closes the open attempt once with its result, and whatever must happen with it (`alongside`). */
  async close<Name extends string>(
    attempt: AttemptRecord,
    result: { status: 'passed' | 'failed'; score: number; correct: number; at: string; retryAt?: string },
    alongside: Array<{ name: Name; item: TransactItem }> = [],
  ) {
    return transactNamed<'attempt' | 'state' | Name>(doc, [
      {
        name: 'attempt',
        item: {
          Update: {
            TableName: tableName('EXAMS_TABLE'),
            Key: { pk: attempt.pk, sk: attempt.sk },
            UpdateExpression: 'SET #status = :status, score = :score, correct = :correct, submittedAt = :at',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': result.status,
              ':score': result.score,
              ':correct': result.correct,
              ':at': result.at,
              ':open': 'open',
            },
          },
        },
      },
      {
        name: 'state',
        item: {
          Update: {
            TableName: tableName('EXAMS_TABLE'),
            Key: { pk: attempt.pk, sk: STATE_SK },
            UpdateExpression: `REMOVE openAttemptId, openDeadline${result.retryAt ? ' SET retryAt = :retryAt' : ''}`,
            ConditionExpression: 'openAttemptId = :id',
            ExpressionAttributeValues: { ':id': attempt.id, ...(result.retryAt ? { ':retryAt': result.retryAt } : {}) },
          },
        },
      },
      ...alongside,
    ]);
  },
};

export const serviceRecordRepository = {
  items: {
    /**
     * Adds a declaration's minutes to what the volunteer declared for that day (kept in their points
     * partition beside their approved HOURS), refused when the day would hold more than `dailyMax`.
     */
    declaredOn: (userId: string, day: string, minutes: number, dailyMax: number): TransactItem => ({
      Update: {
        TableName: tableName('POINTS_TABLE'),
        Key: { userId, sk: `DECLARED#${day}` },
        UpdateExpression: 'ADD minutes :minutes',
        ConditionExpression: 'attribute_not_exists(minutes) OR minutes <= :room',
        ExpressionAttributeValues: { ':minutes': minutes, ':room': dailyMax - minutes },
      },
    }),
  },

  async get(id: string): Promise<ServiceRecordItem | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('SERVICE_RECORDS_TABLE'), Key: { id }, ConsistentRead: true }));
    return Item ? ServiceRecordItem.parse(Item) : undefined;
  },

  ofUser: (userId: string, page: PageRequest) =>
    queryPage(ServiceRecordItem, newestOnIndex(tableName('SERVICE_RECORDS_TABLE'), 'byUser', 'userId', userId), page),

  allOfUser: (userId: string) => queryAll(ServiceRecordItem, newestOnIndex(tableName('SERVICE_RECORDS_TABLE'), 'byUser', 'userId', userId)),

  byStatus: (status: string, page: PageRequest) =>
    queryPage(ServiceRecordItem, newestOnIndex(tableName('SERVICE_RECORDS_TABLE'), 'byStatus', 'status', status), page),

  /** A period's approved records: each was created after it was served, so those created before `from` are none of them. */
  approvedSince: (from: string) =>
    queryAll(ServiceRecordItem, {
      TableName: tableName('SERVICE_RECORDS_TABLE'),
      IndexName: 'byStatus',
      KeyConditionExpression: '#status = :approved AND createdAt >= :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':approved': 'approved', ':from': from },
    }),
};

/** Every certificate sits under this index key, for the coordinators' list. */
export const CERTIFICATE_LIST_KEY = 'certificate';

export const certificateRepository = {
  async get(serial: string): Promise<CertificateRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('CERTIFICATES_TABLE'), Key: { serial }, ConsistentRead: true }));
    return Item ? CertificateRecord.parse(Item) : undefined;
  },

  /** Stores a new certificate; false when the serial is taken (never overwritten). */
  async create(record: CertificateRecord): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({ TableName: tableName('CERTIFICATES_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(serial)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** The holder's newest certificate (to give it back when nothing new was approved). */
  async newestOf(userId: string): Promise<CertificateRecord | undefined> {
    const { items } = await queryPage(CertificateRecord, newestOnIndex(tableName('CERTIFICATES_TABLE'), 'byUser', 'userId', userId), {
      limit: 1,
    });
    return items[0];
  },

  ofUser: (userId: string, page: PageRequest) =>
    queryPage(CertificateRecord, newestOnIndex(tableName('CERTIFICATES_TABLE'), 'byUser', 'userId', userId), page),

  all: (status: CertificateRecord['status'] | undefined, page: PageRequest) =>
    queryPage(
      CertificateRecord,
      {
        ...newestOnIndex(tableName('CERTIFICATES_TABLE'), 'byIssue', 'listKey', CERTIFICATE_LIST_KEY),
        ...(status
          ? {
              FilterExpression: '#status = :status',
              ExpressionAttributeNames: { '#key': 'listKey', '#status': 'status' },
              ExpressionAttributeValues: { ':value': CERTIFICATE_LIST_KEY, ':status': status },
            }
          : {}),
      },
      page,
    ),

  /** Revokes a valid certificate once; undefined when it was revoked already (or is gone). */
  async revoke(
    serial: string,
    revocation: { at: string; by: string; byName: string; reason: string },
  ): Promise<CertificateRecord | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName('CERTIFICATES_TABLE'),
          Key: { serial },
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedBy = :by, revokedByName = :byName, revocationReason = :reason',
          ConditionExpression: '#status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':valid': 'valid',
            ':at': revocation.at,
            ':by': revocation.by,
            ':byName': revocation.byName,
            ':reason': revocation.reason,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return CertificateRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },
};
