/**
 * 支部管理 (admins and coordinators): the center's branches as a tree (党委 › 党总支 › 党支部), each
 * with its secretary and member count, and a form to add one under its parent.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BRANCH_KIND_LABELS, BranchInput, type Branch, type BranchKind } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { useResource } from '@/hooks/use-resource';
import { Button } from '@/ui';
import './index.scss';

const KINDS: readonly BranchKind[] = ['committee', 'general', 'branch'];
const NO_PARENT = '';

/** Every branch, following the cursor (a district has tens of branches, not thousands). */
const allBranches = async () => {
  const all: Branch[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.directory.list({ query: { limit: 100, cursor } });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/** The tree in reading order: each branch after its parent, with its depth. */
export const treeOrder = (branches: Branch[]): Array<{ branch: Branch; depth: number }> => {
  const children = new Map<string, Branch[]>();
  const ids = new Set(branches.map((branch) => branch.id));
  for (const branch of branches) {
    const parent = branch.parentId && ids.has(branch.parentId) ? branch.parentId : NO_PARENT;
    children.set(parent, [...(children.get(parent) ?? []), branch]);
  }
  const ordered: Array<{ branch: Branch; depth: number }> = [];
  const walk = (parent: string, depth: number) => {
    for (const branch of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      ordered.push({ branch, depth });
      walk(branch.id, depth + 1);
    }
  };
  walk(NO_PARENT, 0);
  return ordered;
};

function NewBranchForm({ branches, onCreated }: { branches: Branch[]; onCreated: (branch: Branch) => void }) {
  const parents = [NO_PARENT, ...branches.filter((branch) => branch.kind !== 'branch').map((branch) => branch.id)];
  const parentLabels = Object.fromEntries([[NO_PARENT, '无（最上级）'], ...branches.map((branch) => [branch.id, branch.name])]);
  const form = useForm(
    BranchInput,
    { name: '', kind: 'branch' as BranchKind, parentId: NO_PARENT, community: '' },
    { optional: ['parentId', 'community'] },
  );
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    const { branch } = await api.directory.create({ body });
    void Taro.showToast({ title: `已创建「${branch.name}」`, icon: 'none' });
    form.reset('name', 'community');
    onCreated(branch);
  });
  return (
    <Card title='新建支部' className='directory__form'>
      <CheckedInput {...form.field('name')} className='directory__name' placeholder='名称，如 和乐社区第一党支部' />
      <Choice label='类型' options={KINDS} labels={BRANCH_KIND_LABELS} {...form.choice('kind')} />
      <Choice label='上级组织' options={parents} labels={parentLabels} {...form.choice('parentId')} />
      <CheckedInput {...form.field('community')} className='directory__community' placeholder='所属社区或单位（可不填）' />
      <Button type='primary' block loading={busy} className='directory__create' onClick={submit}>
        创建
      </Button>
    </Card>
  );
}

export default function DirectoryPage() {
  const branches = useResource(allBranches);
  if (branches.error) return <ErrorView error={branches.error} onRetry={branches.reload} />;
  if (!branches.data) return <LoadingView />;
  const rows = treeOrder(branches.data);
  return (
    <View className='page directory'>
      <NewBranchForm branches={branches.data} onCreated={(branch) => branches.setData([...(branches.data ?? []), branch])} />
      <View className='card'>
        <Text className='section-title'>全部支部（{branches.data.length}）</Text>
        {rows.length === 0 && <EmptyView title='还没有支部' description='先建立党委或党支部，再为它设置书记' />}
        {rows.map(({ branch, depth }) => (
          <View
            key={branch.id}
            className='directory__row'
            style={{ paddingLeft: `${depth * 32}px` }}
            onClick={() => Taro.navigateTo({ url: `/branch/detail/index?id=${branch.id}` })}
          >
            <View>
              <Text className='directory__branch-name'>{branch.name}</Text>
              <Text className='muted directory__kind'> {BRANCH_KIND_LABELS[branch.kind]}</Text>
            </View>
            <Text className='muted'>
              {branch.secretaryName ? `书记 ${branch.secretaryName}` : '未设书记'} · {branch.memberCount} 人
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
