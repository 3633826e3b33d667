/**
 * 批量导入名册: the branch's secretary (or the center) downloads the Excel template, fills it in or
 * pastes their own roster into it, picks the file (WeChat: from a chat; browser: its file dialog),
 * which goes straight to the bucket, checks every row (an error per wrong column, in Chinese) and
 * confirms. Imported people join when they confirm their phone with WeChat; for those without a
 * phone the page makes an invitation of their own (a QR to send them).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  POLITICAL_STATUS_LABELS,
  ROSTER_FILE_BYTES_MAX,
  type Invite,
  type RosterImport,
  type RosterImportLine,
  type RosterLineStatus,
  type RosterPerson,
} from '@hele/shared';
import { ApiError, api } from '@/api';
import { uploadFile } from '@/api/upload';
import Card from '@/components/card';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { Button, Tag } from '@/ui';
import { saveOfficeFile } from '@/utils/document';
import { pngDataUrl } from '@/utils/image';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

const LINE_LABELS: Record<RosterLineStatus, string> = {
  new: '可导入',
  created: '已导入',
  imported: '已在名单中',
  member: '已是本支部党员',
  invalid: '有错误',
};

interface PickedFile {
  /** Where `uploadFile` reads it from: a weapp temp path or a blob URL. */
  path: string;
  name: string;
  size: number;
}

const pickInBrowser = () =>
  new Promise<PickedFile | undefined>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : undefined);
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });

/** The workbook: from a chat's files on WeChat (where secretaries keep them), the file dialog in a browser. */
const pickWorkbook = async (): Promise<PickedFile | undefined> => {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  try {
    const [file] = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles;
    return file && { path: file.path, name: file.name, size: file.size };
  } catch {
    return undefined; // the picker was closed
  }
};

const workbookProblem = (file: PickedFile): string | undefined => {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）';
  if (file.size > ROSTER_FILE_BYTES_MAX) return `文件不能超过 ${ROSTER_FILE_BYTES_MAX / 1024 / 1024} MB`;
  return undefined;
};

/** What a commit did, in one sentence. */
export const resultSentence = ({ counts }: Pick<RosterImport, 'counts'>): string =>
  [
    `导入完成：新增 ${counts.created} 人`,
    counts.imported ? `${counts.imported} 人已在名单中` : '',
    counts.member ? `${counts.member} 人已是本支部党员` : '',
    counts.invalid ? `${counts.invalid} 行有错误未导入` : '',
  ]
    .filter(Boolean)
    .join('，');

function PreviewLine({ line }: { line: RosterImportLine }) {
  const details = [
    line.phone ?? '无手机号',
    line.politicalStatus ? POLITICAL_STATUS_LABELS[line.politicalStatus] : '',
    line.birthYear ? `${line.birthYear} 年生` : '',
  ].filter(Boolean);
  return (
    <View className={`roster-import__line roster-import__line--${line.status}`}>
      <View className='roster-import__line-head'>
        <Text className='muted'>第 {line.row} 行</Text>
        <Text className='roster-import__name'>{line.realName ?? '（无姓名）'}</Text>
        <Tag type={line.status === 'invalid' ? 'danger' : line.status === 'new' || line.status === 'created' ? 'success' : 'default'}>
          {LINE_LABELS[line.status]}
        </Tag>
      </View>
      <Text className='muted roster-import__details'>{details.join(' · ')}</Text>
      {line.errors.map((error) => (
        <Text key={`${error.column}${error.message}`} className='roster-import__error'>
          {error.column}：{error.message}
        </Text>
      ))}
    </View>
  );
}

/** An invitation made for one person: its QR to send them, as the image route draws it. */
function PersonInvite({ branchId, invite }: { branchId: string; invite: Invite }) {
  const image = useResource(async () => {
    const bytes = await api.directory.inviteImage({ params: { id: branchId, code: invite.code } });
    return pngDataUrl(bytes);
  }, [invite.code]);
  return (
    <View className='roster-import__invite'>
      <Text>请把二维码发给 {invite.personName}，扫码登录后即加入本支部（仅限一人使用）</Text>
      {image.data ? <Image className='roster-import__qr' src={image.data} mode='aspectFit' /> : <LoadingView text='正在生成二维码…' />}
      <Text className='muted'>邀请码 {invite.code}</Text>
    </View>
  );
}

function PersonRow({ branchId, person, onChanged }: { branchId: string; person: RosterPerson; onChanged: () => void }) {
  const { busy, run, runConfirmed } = useAction();
  const [invite, setInvite] = useState<Invite>();
  const makeInvite = () =>
    run(async () => {
      const reply = await api.directory.invite({ params: { id: branchId }, body: { personId: person.personId, days: 30 } });
      setInvite(reply.invite);
    });
  const remove = () =>
    runConfirmed(
      {
        title: '移出导入名单',
        content: `${person.realName}将不再能凭手机号加入本支部。`,
        confirmText: '移出',
        danger: true,
      },
      async () => {
        await api.rosters.removePerson({ params: { id: branchId, personId: person.personId } });
        void Taro.showToast({ title: '已移出', icon: 'none' });
        onChanged();
      },
    );
  return (
    <View className='roster-import__person'>
      <View className='roster-import__line-head'>
        <Text className='roster-import__name'>{person.realName}</Text>
        <Tag type={person.status === 'claimed' ? 'success' : 'warning'}>{person.status === 'claimed' ? '已加入' : '待加入'}</Tag>
        <Text className='muted'>{person.phone ?? '无手机号'}</Text>
      </View>
      {person.status === 'unclaimed' && (
        <View className='roster-import__actions'>
          <Button size='small' loading={busy} className='roster-import__make-invite' onClick={makeInvite}>
            生成专属邀请
          </Button>
          <Button size='small' loading={busy} className='roster-import__remove' onClick={remove}>
            移出名单
          </Button>
        </View>
      )}
      {invite && <PersonInvite branchId={branchId} invite={invite} />}
    </View>
  );
}

export default function RosterImportPage() {
  const id = useRouteParam('id') ?? '';
  const branch = useResource(() => api.directory.get({ params: { id } }).then((reply) => reply.branch), [id]);
  const people = useResource(() => api.rosters.people({ params: { id } }).then((reply) => reply.items), [id]);
  const [preview, setPreview] = useState<RosterImport>();
  const [progress, setProgress] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useAction();

  const downloadTemplate = () =>
    run(async () => {
      const bytes = await api.rosterWorkbooks.template({ params: { id } });
      await saveOfficeFile(bytes, '党员名册模板.xlsx');
    });

  const choose = async () => {
    const file = await pickWorkbook();
    if (!file) return;
    const wrong = workbookProblem(file);
    setPreview(undefined);
    setProblem(wrong);
    if (wrong) return;
    await run(async () => {
      try {
        setProgress('正在上传…');
        const { upload } = await api.rosters.upload({ params: { id }, body: { size: file.size } });
        const key = await uploadFile(upload, file.path, (percent) => setProgress(`正在上传 ${percent}%`));
        setProgress('正在逐行检查…');
        setPreview((await api.rosterWorkbooks.preview({ params: { id }, body: { key, fileName: file.name } })).import);
      } catch (error) {
        // The file itself is wrong (no 姓名 column, not a workbook…): said on the page, plainly.
        const detail = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? error.details[0]?.message : undefined;
        if (!detail) throw error;
        setProblem(detail);
      } finally {
        setProgress(undefined);
      }
    });
  };

  const commit = () =>
    run(async () => {
      if (!preview) return;
      const { import: done } = await api.rosters.commit({ params: { id, importId: preview.id } });
      setPreview(done);
      void Taro.showToast({ title: resultSentence(done), icon: 'none', duration: 3000 });
      await Promise.all([people.reload(), branch.reload()]);
    });

  if (branch.error) return <ErrorView error={branch.error} onRetry={branch.reload} />;
  const waiting = (people.data ?? []).filter((person) => person.status === 'unclaimed');
  const joined = (people.data ?? []).filter((person) => person.status === 'claimed');
  return (
    <View className='page roster-import'>
      <View className='card'>
        <Text className='section-title'>批量导入名册{branch.data ? `：${branch.data.name}` : ''}</Text>
        <Text className='muted roster-import__steps'>
          ① 下载模板，每人一行（只有姓名必填，可从原有名册复制）；② 选择填好的 Excel 文件；③ 核对每一行，确认导入。
          导入的人员用微信确认手机号后即加入本支部；没有手机号的，可为其生成专属邀请。同一人不会重复导入。
        </Text>
        <View className='roster-import__buttons'>
          <Button size='small' loading={busy && !progress} className='roster-import__template' onClick={downloadTemplate}>
            下载模板
          </Button>
          <Button size='small' type='primary' disabled={busy} className='roster-import__choose' onClick={() => void choose()}>
            选择 Excel 文件
          </Button>
        </View>
        {progress && <Text className='muted roster-import__progress'>{progress}</Text>}
        {problem && <Text className='roster-import__problem'>{problem}</Text>}
      </View>

      {preview && (
        <Card title={preview.committedAt ? '导入结果' : '导入预览'}>
          {preview.fileName && <Text className='muted'>{preview.fileName}</Text>}
          <Text className='roster-import__summary'>
            {preview.committedAt
              ? resultSentence(preview)
              : `共 ${preview.lines.length} 行：可导入 ${preview.counts.new} 人${preview.counts.imported ? `，${preview.counts.imported} 人已在名单中` : ''}${preview.counts.member ? `，${preview.counts.member} 人已是本支部党员` : ''}${preview.counts.invalid ? `，${preview.counts.invalid} 行有错误（不导入，可改正后重新上传）` : ''}`}
          </Text>
          {!preview.committedAt && (
            <Button
              block
              type='primary'
              loading={busy}
              disabled={preview.counts.new === 0}
              className='roster-import__commit'
              onClick={commit}
            >
              {preview.counts.new === 0 ? '没有可导入的人员' : `确认导入（${preview.counts.new} 人）`}
            </Button>
          )}
          {preview.lines.map((line) => (
            <PreviewLine key={line.row} line={line} />
          ))}
        </Card>
      )}

      <View className='card'>
        <Text className='section-title'>
          导入名单：待加入 {waiting.length} 人，已加入 {joined.length} 人
        </Text>
        {people.error ? <ErrorView error={people.error} onRetry={people.reload} /> : !people.data && <LoadingView />}
        {people.data && people.data.length === 0 && <EmptyView title='还没有导入的人员' />}
        {[...waiting, ...joined].map((person) => (
          <PersonRow key={person.personId} branchId={id} person={person} onChanged={() => void people.reload()} />
        ))}
      </View>
    </View>
  );
}
