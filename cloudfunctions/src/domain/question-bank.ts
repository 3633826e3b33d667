/**
 * Question banks in the exams table: the certification bank under pk `Q` (its keys from before
 * topics had banks) and each academy topic's under `Q#<topic>`. In lib because checking in at a
 * training asks whether its topic has a quiz.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { bankIsReady, ExamBank, type ExamSettings, type TrainingTopic } from '@hele/shared';
import { env } from '../lib/config';
import { countAll } from '../lib/pagination';
import { tableName } from '../lib/tables';

/** What every key of a bank ends with: nothing for the certification bank, `#<topic>` for a topic's. */
export const bankSuffix = (bank: ExamBank) => (bank === ExamBank.CERTIFICATION ? '' : `#${bank}`);

export const questionKeys = (bank: ExamBank, id: string) => ({ pk: `Q${bankSuffix(bank)}`, sk: id });

/** A training quiz's paper and time are its own; the pass mark and cool-down are the exam's. */
export const quizSettings = (): ExamSettings => ({
  questions: env().QUIZ_QUESTIONS,
  minutes: env().QUIZ_MINUTES,
  passMark: env().EXAM_PASS_MARK,
  cooldownHours: env().EXAM_COOLDOWN_HOURS,
});

export const activeQuestionsQuery = (bank: ExamBank): QueryCommandInput => ({
  TableName: tableName('EXAMS_TABLE'),
  KeyConditionExpression: 'pk = :q',
  FilterExpression: 'active = :true',
  ExpressionAttributeValues: { ':q': questionKeys(bank, '').pk, ':true': true },
});

/** How many active questions a bank holds (counted, not read out). */
export const countActiveQuestions = (bank: ExamBank): Promise<number> => countAll(activeQuestionsQuery(bank));

/** A topic has a quiz when its bank holds a full quiz paper; until then check-in completes the topic. */
export const topicHasQuiz = async (topic: TrainingTopic): Promise<boolean> =>
  bankIsReady(await countActiveQuestions(topic), quizSettings());
