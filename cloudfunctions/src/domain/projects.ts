/**
 * Public-benefit projects as other features see them: whether one exists (an activity or a case
 * names it), every project, and the counter scope its figures are kept under. Projects live in
 * the resource cloud's table (pk `J#<id>`), written by the resources feature.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ProjectCategorySchema } from '@hele/shared';
import * as z from 'zod';
import { doc } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { tableName } from '../lib/tables';

export const projectKey = (id: string) => ({ pk: `J#${id}`, sk: '#' });
/** The stats scope of a project's figures (lib/stats). */
export const projectScope = (id: string) => `project#${id}`;

export const ProjectRecord = z.object({
  id: z.string(),
  name: z.string(),
  category: ProjectCategorySchema,
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

export const projectOf = async (id: string): Promise<ProjectRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('RESOURCES_TABLE'), Key: projectKey(id) }));
  return Item ? ProjectRecord.parse(Item) : undefined;
};

/** Every project, newest first (a center runs tens of them). */
export const allProjects = (): Promise<ProjectRecord[]> =>
  queryAll(ProjectRecord, {
    TableName: tableName('RESOURCES_TABLE'),
    IndexName: 'byType',
    KeyConditionExpression: '#type = :project',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':project': 'project' },
    ScanIndexForward: false,
  });
