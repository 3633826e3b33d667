/**
 * 隐私保护指引: what the app collects, why, who sees it, and how a person exports it or closes their
 * account (个人信息保护法; WeChat's own guide is the one agreed in the privacy consent).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@/ui';
import './index.scss';

/** Each kind of information: what it is, what it is for, who sees it. */
export const COLLECTED: ReadonlyArray<{ what: string; why: string }> = [
  { what: '微信身份标识（openid）', why: '登录时由微信提供，用于识别你的账号。我们不会获取你的微信密码、好友或聊天内容。' },
  {
    what: '昵称与头像',
    why: '由你在“编辑资料”中填写或选择。昵称会显示在活动报名名单、现场动态、评论和会议讨论中，保存前经微信内容安全检查；头像只在你自己的页面显示。',
  },
  {
    what: '真实姓名',
    why: '申请成为志愿者、开具志愿服务证明时需要，只有你本人能在本程序中看到。你开具志愿服务证明后，任何人扫描证明上的二维码或输入证明编号，都能核验证明上的姓名、服务时长和服务明细（不显示手机号等其他信息）；社工可以撤销证明，注销账号时你的证明一并撤销。',
  },
  { what: '政治面貌', why: '党员、预备党员、共青团员或群众，用于组织生活相关服务。只有你本人能在本程序中看到。' },
  {
    what: '手机号（可选）',
    why: '经你同意由微信提供，便于活动组织者联系你。只有你本人能看到完整号码，其他地方只显示部分号码（如 138****0000）。',
  },
  {
    what: '支部导入的名册',
    why: '支部书记可以把原有的 Excel 名册（姓名、手机号、政治面貌、出生年份、学历、入党日期）导入本程序，只有该支部书记和社工能看到，手机号只显示部分号码。你用微信确认同一手机号，或使用支部为你生成的专属邀请后，即加入该支部：你未填写的姓名和政治面貌以名册为准，名册中不再保留这些信息。',
  },
  {
    what: '活动记录',
    why: '报名、候补、签到、签退和请假记录，用于组织活动和统计出勤。活动组织者（社工、支部书记）可以看到名单。',
  },
  { what: '志愿服务时长与积分', why: '服务记录、审核结果、积分收支和兑换记录，用于志愿者认证、星级评定和积分兑换。' },
  {
    what: '手机日历',
    why: '你点“加入日历”时，活动的名称、时间和地点写入你手机的日历（微信会先征得你的同意），或在浏览器中下载为日程文件。我们不读取你日历中的其他内容。',
  },
  { what: '学习与培训', why: '学习资料的学习进度、培训签到、测验与认证考试成绩，用于记录你的学习和培训情况。' },
  {
    what: '照片、动态与讨论',
    why: '你在现场动态中发布的文字、照片和评论，以及在会议讨论中提出的想法、问题和措施备注，经微信内容安全检查后对其他成员可见；你可以删除自己发布的动态。',
  },
];

export default function PrivacyGuidePage() {
  return (
    <View className='page privacy'>
      <View className='card'>
        <Text className='privacy__text'>
          和乐党群服务中心小程序由和乐社会工作服务中心运营。我们只收集提供服务所必需的信息，不会出售你的个人信息，也不会用于与服务无关的用途。
        </Text>
      </View>
      <Text className='section-title'>我们收集的信息及用途</Text>
      {COLLECTED.map(({ what, why }) => (
        <View key={what} className='card privacy__item'>
          <Text className='privacy__what'>{what}</Text>
          <Text className='privacy__text'>{why}</Text>
        </View>
      ))}
      <Text className='section-title'>你的权利</Text>
      <View className='card privacy__item'>
        <Text className='privacy__what'>查看与更正</Text>
        <Text className='privacy__text'>在“我的 › 编辑资料”中查看和修改你的昵称、头像、姓名、政治面貌和手机号。</Text>
        <Text className='privacy__what'>导出我的数据</Text>
        <Text className='privacy__text'>在“我的 › 编辑资料 › 导出我的数据”中，获取我们保存的关于你的全部记录（JSON 文件）。</Text>
        <Text className='privacy__what'>注销账号</Text>
        <Text className='privacy__text'>
          在“我的 › 编辑资料 ›
          注销账号”中注销。注销后个人资料立即删除，尚未开始的活动报名取消（已签到的除外），积分作废；已参加的活动、服务时长等记录以“已注销用户”匿名保留，以保证统计准确。注销无法恢复。
        </Text>
      </View>
      <Button block className='privacy__profile' onClick={() => Taro.navigateTo({ url: '/account/profile/index' })}>
        前往编辑资料
      </Button>
    </View>
  );
}
