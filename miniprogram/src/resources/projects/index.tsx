/**
 * 公益项目: the center's projects by category (环保类, 文化服务类, 老年服务类…) with what each has
 * gathered — check-ins at its activities, approved service hours, cases and allocations;
 * coordinators add projects, then name them on activities.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { hasAnyRole, hoursOf, PROJECT_CATEGORY_LABELS, ProjectInput, Role, type Project, type ProjectCategory } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { EmptyView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Tag } from '@/ui';
import '../resources.scss';

const CATEGORIES = Object.keys(PROJECT_CATEGORY_LABELS) as ProjectCategory[];

function AddProject({ onAdded }: { onAdded: () => Promise<void> }) {
  const form = useForm(ProjectInput, { name: '', category: 'elderly' as ProjectCategory, description: '' });
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.resources.addProject({ body });
    form.reset('name', 'description');
    await onAdded();
  });
  return (
    <Card title='新建项目' className='resources__form'>
      <CheckedInput {...form.field('name')} className='projects__name' placeholder='项目名称，如：铅笔花校园行' />
      <Choice label='类别' options={CATEGORIES} labels={PROJECT_CATEGORY_LABELS} {...form.choice('category')} />
      <CheckedTextarea {...form.field('description')} className='text-box' maxlength={500} placeholder='项目介绍（可不填）' />
      <Button block type='primary' className='projects__add' loading={busy} onClick={submit}>
        新建
      </Button>
    </Card>
  );
}

export default function ProjectsPage() {
  const user = useCurrentUser();
  const [projects, setProjects] = useState<Project[]>();
  const { run } = useAction();
  const load = async () => setProjects((await api.resources.projects()).items);
  useDidShow(() => void run(load));
  usePullDownRefresh(() => void run(load).finally(() => Taro.stopPullDownRefresh()));
  return (
    <View className='page resources projects'>
      {!!user && hasAnyRole(user.roles, [Role.COORDINATOR]) && <AddProject onAdded={load} />}
      {projects?.length === 0 && <EmptyView title='暂无项目' />}
      {projects?.map((project) => (
        <View key={project.id} className='card projects__item' data-id={project.id}>
          <View className='resources__head'>
            <Tag type='primary'>{PROJECT_CATEGORY_LABELS[project.category]}</Tag>
          </View>
          <Text className='resources__title'>{project.name}</Text>
          {project.description && <Text className='muted'>{project.description}</Text>}
          <Text className='resources__event projects__figures'>
            签到 {project.figures.checkIns} 人次 · 服务 {hoursOf(project.figures.serviceMinutes)} 小时 · 个案 {project.figures.cases} ·
            资源分配 {project.figures.allocations} 次
          </Text>
        </View>
      ))}
    </View>
  );
}
