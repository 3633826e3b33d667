/**
 * 在线学习资料库: search by title or tag (Chinese works without spaces), categories, one's progress;
 * coordinators and lecturers add materials (a text, a link or an uploaded file). With `?seriesId=`
 * the page is a class series' materials, and what is added joins that series.
 */
import { View, Text, Picker, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AUDIENCE_LABELS, hasAnyRole, MATERIAL_KIND_LABELS, MaterialInput, Role, type Material, type MaterialFileKind } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card, { LinkCard } from '@/components/card';
import CheckedInput from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { Chips } from '@/components/choice';
import { EmptyView, PagedItems } from '@/components/status-view';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input, Tag } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { FileUpload, useFileUpload } from './file-upload';
import './index.scss';

const KINDS = Object.keys(MATERIAL_KIND_LABELS) as Array<Material['kind']>;
const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Array<Material['audience']>;

/** How a video, document or audio comes in: a file uploaded to the bucket, or a link. */
type Source = 'file' | 'link';

function AddMaterial({ seriesId, onAdded }: { seriesId?: string; onAdded: () => void }) {
  const file = useFileUpload();
  // An article has a body; anything else a link or an uploaded file (the schema says which is missing).
  const form = useForm(
    MaterialInput,
    {
      title: '',
      kind: 'article' as Material['kind'],
      source: 'file' as Source,
      category: seriesId ? '公益班' : '',
      tags: '',
      audience: 'public' as Material['audience'],
      content: '',
    },
    {
      input: ({ title, kind, source, category, tags, audience, content }) => ({
        title,
        kind,
        category,
        tags: tags.split(/[，,\s]+/).filter(Boolean),
        audience,
        ...(kind === 'article'
          ? { body: content }
          : source === 'file'
            ? file.upload?.key
              ? { file: { key: file.upload.key, name: file.upload.name } }
              : {}
            : content.trim()
              ? { url: content.trim() }
              : {}),
        ...(seriesId ? { seriesId } : {}),
      }),
    },
  );
  const { kind, source, audience, content } = form.values;
  const usesFile = kind !== 'article' && source === 'file';
  const choose = (next: Material['kind']) => {
    form.set('kind', next);
    file.clear(); // a file of one kind does not fit another
  };
  const contentProblem = kind === 'article' ? form.problem('body') : (form.problem('url') ?? form.problem('file'));
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.library.add({ body });
    void Taro.showToast({ title: '已加入资料库', icon: 'success' });
    form.reset('title', 'content');
    file.clear();
    onAdded();
  });
  return (
    <Card title={seriesId ? '添加本班资料' : '添加资料'} className='library__add'>
      <CheckedInput {...form.field('title')} className='library__title-input' placeholder='标题' />
      {/* Four kinds: one tap each, rather than a picker. */}
      <Chips
        className='library__kinds'
        chipClass='library__kind'
        options={KINDS}
        labels={MATERIAL_KIND_LABELS}
        value={kind}
        onChange={choose}
      />
      <Picker
        mode='selector'
        range={AUDIENCES.map((item) => AUDIENCE_LABELS[item])}
        value={AUDIENCES.indexOf(audience)}
        onChange={(e) => form.set('audience', AUDIENCES[Number(e.detail.value)]!)}
      >
        <View className='library__field'>可见范围：{AUDIENCE_LABELS[audience]}</View>
      </Picker>
      <CheckedInput {...form.field('category')} placeholder='分类，如：理论学习、公益班、志愿者学院' />
      <CheckedInput {...form.field('tags')} placeholder='标签，用逗号分开' />
      {kind !== 'article' && (
        <View className='library__sources'>
          {(['file', 'link'] as const).map((item) => (
            <Button key={item} size='small' type={source === item ? 'primary' : 'default'} onClick={() => form.set('source', item)}>
              {item === 'file' ? '上传文件' : '填写链接'}
            </Button>
          ))}
        </View>
      )}
      {usesFile ? (
        <FileUpload kind={kind as MaterialFileKind} state={file} />
      ) : (
        <Textarea
          className='text-box library__content'
          value={content}
          maxlength={20000}
          placeholder={kind === 'article' ? '正文' : '链接（https://…）'}
          onInput={(e) => form.set('content', e.detail.value)}
          onBlur={form.touch(kind === 'article' ? 'body' : 'url')}
        />
      )}
      <FieldError field='content' message={contentProblem} />
      <Button block type='primary' className='library__submit' loading={busy} onClick={submit}>
        添加
      </Button>
    </Card>
  );
}

export default function LibraryPage() {
  const user = useCurrentUser();
  // Opened from a class series (添加资料 there): its materials, and what is added joins it.
  const seriesId = useRouteParam('seriesId');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const materials = usePagedList<Material>(
    (cursor) => api.library.list({ query: { cursor, ...(q ? { q } : {}), ...(seriesId ? { seriesId } : {}) } }),
    [q, seriesId],
  );
  const mayAdd = !!user && hasAnyRole(user.roles, [Role.COORDINATOR, Role.LECTURER]);
  // The keyboard's search key (Enter) searches as the button does.
  const search = () => setQ(typed.trim());
  return (
    <View className='page library'>
      <View className='library__search'>
        <Input
          className='library__query'
          placeholder='搜索标题或标签，如：越剧、急救'
          maxLength={30}
          confirmType='search'
          value={typed}
          onChange={setTyped}
          onConfirm={search}
        />
        <Button size='small' type='primary' className='library__go' onClick={search}>
          搜索
        </Button>
      </View>
      {mayAdd && <AddMaterial seriesId={seriesId} onAdded={() => void materials.refresh()} />}
      <PagedItems
        list={materials}
        empty={<EmptyView title={q ? '没有找到相关资料' : seriesId ? '本班还没有资料' : '资料库还是空的'} />}
        row={(material) => (
          <LinkCard key={material.id} className='library__item' id={material.id} url={`/learning/material/index?id=${material.id}`}>
            <View className='library__head'>
              <Tag type='primary'>{MATERIAL_KIND_LABELS[material.kind]}</Tag>
              <Text className='muted'>{material.category}</Text>
              {material.audience !== 'public' && <Tag>{AUDIENCE_LABELS[material.audience]}</Tag>}
            </View>
            <Text className='library__title'>{material.title}</Text>
            {material.tags.length > 0 && <Text className='muted'>{material.tags.map((tag) => `#${tag}`).join(' ')}</Text>}
            <View className='library__progress'>
              <View className='library__bar' style={{ width: `${material.progress ?? 0}%` }} />
            </View>
            <Text className='muted'>{material.progress ? `已学 ${material.progress}%` : '未开始'}</Text>
          </LinkCard>
        )}
      />
    </View>
  );
}
