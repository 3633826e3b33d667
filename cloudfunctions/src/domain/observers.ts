/** 书记学院's item of one observer of one meeting, in the academy table (written by academy/repository.ts). */
export const observerKey = (activityId: string, userId: string) => ({ pk: `A#${activityId}`, sk: `O#${userId}` });
