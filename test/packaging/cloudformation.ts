/** Reading the templates `sls package` writes, and the little of CloudFormation the checks evaluate. */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Resource {
  Type: string;
  Condition?: string;
  DeletionPolicy?: string;
  Properties: Record<string, any>;
}

export interface Template {
  Conditions?: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Condition?: string; Value: unknown }>;
}

/** The template of the package in `folder` (relative to the repository). */
export const readTemplate = (folder: string): Template =>
  JSON.parse(fs.readFileSync(path.join(ROOT, folder, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;

export const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : 'aws');

/**
 * Whether a condition of the template holds in `partition`: the intrinsic functions conditions are
 * made of, over the literals `sls package` resolved and AWS::Partition.
 */
export const conditionHolds = (template: Template, name: string, partition: string): boolean => {
  const value = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const [[fn, args]] = Object.entries(node) as [[string, any]];
    switch (fn) {
      case 'Ref':
        if (args !== 'AWS::Partition') throw new Error(`cannot evaluate Ref ${args}`);
        return partition;
      case 'Condition':
        return conditionHolds(template, args, partition);
      case 'Fn::Equals':
        return value(args[0]) === value(args[1]);
      case 'Fn::Not':
        return !value(args[0]);
      case 'Fn::And':
        return (args as unknown[]).every(value);
      case 'Fn::Or':
        return (args as unknown[]).some(value);
      default:
        throw new Error(`cannot evaluate ${fn}`);
    }
  };
  const condition = template.Conditions?.[name];
  if (condition === undefined) throw new Error(`no condition ${name}`);
  return Boolean(value(condition));
};

/** The logical ids of the resources CloudFormation would make in `partition` (their condition holds). */
export const createdResources = (template: Template, partition: string): string[] =>
  Object.entries(template.Resources)
    .filter(([, resource]) => resource.Condition === undefined || conditionHolds(template, resource.Condition, partition))
    .map(([logicalId]) => logicalId);

/** Every string in a template, with the path of keys that leads to it. */
export const stringsOf = (node: unknown, at: string[] = []): Array<{ at: string[]; value: string }> => {
  if (typeof node === 'string') return [{ at, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, index) => stringsOf(item, [...at, String(index)]));
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([key, item]) => stringsOf(item, [...at, key]));
  return [];
};
