/**
 * The academy's training quizzes (培训测验): the exam engine on a topic's bank. A quiz is open to a
 * volunteer who checked in at a training of the topic (lib/trainings records that); passing it
 * completes the topic, written once in the transaction that closes the attempt.
 */
import { TRAINING_TOPIC_LABELS, TrainingTopicSchema, type ExamAttempt, type TrainingQuizResponse, type TrainingTopic } from '@hele/shared';
import { doc, transactNamed } from '../lib/db';
import { ConflictError } from '../lib/errors';
import { topicHasQuiz } from '../domain/question-bank';
import { partyPoints } from '../domain/party-points';
import { settled } from '../lib/retry';
import type { Principal } from '../lib/principal';
import { toMyTraining, type trainings as Trainings } from '../domain/trainings';
import { createExamEngine, type EngineBaseDeps } from './exam-engine';

export interface QuizDeps extends EngineBaseDeps {
  trainings: Pick<typeof Trainings, 'get' | 'completeByQuiz'>;
  /** Whether the topic's bank holds a full quiz paper (lib/question-bank). */
  hasQuiz?: (topic: TrainingTopic) => Promise<boolean>;
}

export const createQuizService = (deps: QuizDeps) => {
  const { trainings, hasQuiz = topicHasQuiz, now = () => new Date() } = deps;
  const engine = createExamEngine({
    ...deps,
    // Completed meanwhile (a session after the bank was emptied completes at check-in): the pass stands.
    onPass: (attempt, at) => [
      { name: 'training', item: trainings.completeByQuiz(attempt.userId, TrainingTopicSchema.parse(attempt.bank), at), once: true },
    ],
  });

  return {
    async status(topic: TrainingTopic, caller: Principal): Promise<TrainingQuizResponse> {
      const [record, quiz] = await Promise.all([trainings.get(caller.id, topic), engine.status(topic, caller.id)]);
      return { topic, training: record ? toMyTraining(record) : null, quiz };
    },

    /** Starts the topic's quiz (or hands back the one running) for a volunteer who attended and has not completed it. */
    async start(topic: TrainingTopic, caller: Principal): Promise<{ attempt: ExamAttempt; created: boolean }> {
      const record = await trainings.get(caller.id, topic);
      if (record?.completedAt) throw new ConflictError('TRAINING_COMPLETED', `The ${topic} training is completed already`);
      if (!record?.attendedAt) {
        throw new ConflictError('TRAINING_NOT_ATTENDED', `Check in at a ${topic} training before its quiz`, [
          { path: 'topic', message: TRAINING_TOPIC_LABELS[topic] },
        ]);
      }
      // The bank was emptied after the volunteer attended: as at a check-in without a quiz, attending completes the topic.
      if (!(await hasQuiz(topic))) {
        await settled(() =>
          transactNamed(doc, [{ name: 'training', item: trainings.completeByQuiz(caller.id, topic, now().toISOString()) }]),
        );
        throw new ConflictError('TRAINING_COMPLETED', `The ${topic} quiz was withdrawn: attending completed the training`);
      }
      return engine.start(topic, caller);
    },

    /** Grades the attempt; a pass also earns 党员积分 (once per attempt), by the center's rules, to a party member. */
    async submit(topic: TrainingTopic, id: string, answers: Record<string, number[]>, caller: Principal): Promise<ExamAttempt> {
      const attempt = await engine.submit(topic, id, answers, caller);
      if (attempt.status === 'passed')
        await partyPoints.awardQuietly({
          userId: caller.id,
          kind: 'quiz',
          ref: attempt.id,
          what: `${TRAINING_TOPIC_LABELS[topic]}培训测验`,
          actorId: caller.id,
          at: now(),
        });
      return attempt;
    },
  };
};

export type QuizService = ReturnType<typeof createQuizService>;
