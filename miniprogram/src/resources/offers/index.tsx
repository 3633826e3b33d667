/**
 * 资源云平台: a member sees the verified providers and what they offer, and may register as a provider
 * (verified by a coordinator), offer resources and follow where they went; coordinators register and
 * verify providers (政府部门, 企业, 社会组织, 学校, 爱心人士), record what they offer and see what remains.
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import {
  hasAnyRole,
  OFFER_KIND_LABELS,
  PROVIDER_KIND_LABELS,
  quantityText,
  Role,
  yuanToFen,
  type Allocation,
  type DirectoryProvider,
  type Offer,
  type OfferKind,
  type Provider,
  type ProviderKind,
  OfferInput,
  ProviderInput,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { EmptyView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Tag } from '@/ui';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import '../resources.scss';

const PROVIDER_KINDS = Object.keys(PROVIDER_KIND_LABELS) as ProviderKind[];
const OFFER_KINDS = Object.keys(OFFER_KIND_LABELS) as OfferKind[];

function RegisterProvider({ coordinator, onAdded }: { coordinator: boolean; onAdded: () => Promise<void> }) {
  const form = useForm(
    ProviderInput,
    { name: '', kind: (coordinator ? 'company' : 'donor') as ProviderKind, contact: '' },
    { optional: ['contact'] },
  );
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.resources.registerProvider({ body });
    void Taro.showToast({ title: coordinator ? '已登记' : '已提交，等待社工认证', icon: 'none' });
    form.reset('name', 'contact');
    await onAdded();
  });
  return (
    <Card title={coordinator ? '登记资源方' : '登记为资源方'} className='resources__form'>
      <CheckedInput {...form.field('name')} className='offers__provider-name' placeholder='名称，如：和乐社区卫生服务站' />
      <Choice label='类别' options={PROVIDER_KINDS} labels={PROVIDER_KIND_LABELS} {...form.choice('kind')} />
      <CheckedInput {...form.field('contact')} placeholder='联系人与电话（可不填）' />
      <Button block type='primary' className='offers__register' loading={busy} onClick={submit}>
        登记
      </Button>
    </Card>
  );
}

function AddOffer({ providers, onAdded }: { providers: Provider[]; onAdded: () => Promise<void> }) {
  const form = useForm(
    OfferInput,
    { provider: 0, kind: 'goods' as OfferKind, title: '', quantity: '', unit: '', availability: '' },
    {
      optional: ['unit', 'availability'],
      // Funds are typed in 元 and sent in 分 (and have no unit); anything else counts whole units.
      input: ({ provider, kind, quantity, unit, ...rest }) => ({
        ...rest,
        providerId: providers[provider]?.id,
        kind,
        quantity: typedNumber(quantity, kind === 'funds' ? yuanToFen : undefined),
        ...(kind === 'funds' ? {} : { unit }),
      }),
    },
  );
  const { kind } = form.values;
  const provider = providers[form.values.provider];
  const funds = kind === 'funds';
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.resources.offer({ body });
    void Taro.showToast({ title: '已发布资源', icon: 'success' });
    form.reset('title', 'quantity');
    await onAdded();
  });
  if (!provider) return null;
  return (
    <Card title='发布资源' className='resources__form'>
      <Picker
        mode='selector'
        range={providers.map((item) => item.name)}
        value={form.values.provider}
        onChange={(e) => form.set('provider', Number(e.detail.value))}
      >
        <View className='resources__field'>资源方：{provider.name}</View>
      </Picker>
      <Choice label='类型' options={OFFER_KINDS} labels={OFFER_KIND_LABELS} {...form.choice('kind')} />
      <CheckedInput {...form.field('title')} className='offers__title' placeholder='资源名称，如：米面油礼包、急救培训讲师' />
      <CheckedInput {...form.field('quantity')} className='offers__quantity' type='digit' placeholder={funds ? '金额（元）' : '数量'} />
      {!funds && (
        <CheckedInput
          {...form.field('unit')}
          className='offers__unit'
          placeholder={kind === 'goods' ? '单位，如：份、箱' : '单位（默认：人 / 条）'}
        />
      )}
      <CheckedInput {...form.field('availability')} placeholder='可用时间，如：每周六上午（可不填）' />
      <Button block type='primary' className='offers__add' loading={busy} onClick={submit}>
        发布
      </Button>
    </Card>
  );
}

/** An offer and, on a tap, where it went. */
function OfferCard({ offer }: { offer: Offer }) {
  const [went, setWent] = useState<Allocation[]>();
  const { run } = useAction();
  const toggle = () =>
    went ? setWent(undefined) : run(async () => setWent((await api.resources.allocationsOf({ params: { id: offer.id } })).items));
  return (
    <View className='card offers__item' data-id={offer.id} onClick={toggle}>
      <View className='resources__head'>
        <Tag type='primary'>{OFFER_KIND_LABELS[offer.kind]}</Tag>
        <Text className='muted'>{offer.providerName}</Text>
      </View>
      <Text className='resources__title'>{offer.title}</Text>
      <Text className='muted offers__remaining'>
        共 {quantityText(offer.quantity, offer.unit)}，剩余 {quantityText(offer.remaining, offer.unit)}
        {offer.availability ? ` · ${offer.availability}` : ''}
      </Text>
      {went &&
        (went.length === 0 ? (
          <Text className='resources__event'>尚未分配</Text>
        ) : (
          went.map((allocation) => (
            <Text key={allocation.id} className='resources__event'>
              → {allocation.caseTitle}：{quantityText(allocation.quantity, allocation.unit)}
            </Text>
          ))
        ))}
    </View>
  );
}

/** A verified provider and what it offers now, as any member sees it (no contacts). */
function DirectoryCard({ provider }: { provider: DirectoryProvider }) {
  return (
    <View className='card offers__directory-provider' data-id={provider.id}>
      <View className='resources__head'>
        <Text className='resources__title offers__directory-name'>{provider.name}</Text>
        <Tag type='success'>已认证</Tag>
        <Text className='muted'>{PROVIDER_KIND_LABELS[provider.kind]}</Text>
      </View>
      {provider.offers.length === 0 && <Text className='muted'>暂未发布资源</Text>}
      {provider.offers.map((offer) => (
        <View key={offer.id} className='offers__directory-offer'>
          <Tag type='primary'>{OFFER_KIND_LABELS[offer.kind]}</Tag>
          <View className='offers__directory-what'>
            <Text className='offers__directory-title'>{offer.title}</Text>
            <Text className='muted'>
              {offer.remaining > 0 ? `可用 ${quantityText(offer.remaining, offer.unit)}` : '已分配完'}
              {offer.availability ? ` · ${offer.availability}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * A member's platform: the verified providers and what they offer first; registering as a provider (and
 * offering, once a coordinator has verified it) comes after, with what they registered themselves.
 */
function MemberOffers({ userId }: { userId?: string }) {
  const [directory, setDirectory] = useState<DirectoryProvider[]>();
  const [mine, setMine] = useState<{ providers: Provider[]; offers: Offer[] }>({ providers: [], offers: [] });
  const [registering, setRegistering] = useState(false);
  const { run } = useAction();
  const load = async () => {
    const [shown, own] = await Promise.all([api.resources.directory(), api.resources.mine()]);
    setDirectory(shown.providers);
    setMine(own);
  };
  useDidShow(() => void run(load));
  const offering = mine.providers.filter((provider) => provider.contactUserId === userId);
  return (
    <>
      <Text className='section-title'>资源方与可用资源</Text>
      {directory?.length === 0 && <EmptyView title='暂无已认证的资源方' description='资源方经社工认证后显示在这里' />}
      {directory?.map((provider) => (
        <DirectoryCard key={provider.id} provider={provider} />
      ))}

      <Text className='section-title'>我也想提供资源</Text>
      {registering ? (
        <RegisterProvider
          coordinator={false}
          onAdded={async () => {
            setRegistering(false);
            await load();
          }}
        />
      ) : (
        <Button block className='offers__become-provider' onClick={() => setRegistering(true)}>
          登记为资源方
        </Button>
      )}
      {mine.providers.map((provider) => (
        <View key={provider.id} className='card resources__row offers__provider'>
          <Text className='resources__title'>{provider.name}</Text>
          {provider.verified ? <Tag type='success'>已认证</Tag> : <Tag>待认证</Tag>}
        </View>
      ))}
      <AddOffer providers={offering} onAdded={load} />
      {mine.offers.length > 0 && <Text className='section-title'>我发布的资源</Text>}
      {mine.offers.map((offer) => (
        <OfferCard key={offer.id} offer={offer} />
      ))}
    </>
  );
}

/** The coordinators' platform: every provider (verify them), every offer and where it went. */
function CoordinatorOffers() {
  const [providers, setProviders] = useState<Provider[]>([]);
  const [offers, setOffers] = useState<Offer[]>([]);
  const { run } = useAction();
  const load = async () => {
    const [allProviders, allOffers] = await Promise.all([
      api.resources.providers({ query: { limit: 100 } }),
      api.resources.offers({ query: { limit: 100 } }),
    ]);
    setProviders(allProviders.items);
    setOffers(allOffers.items);
  };
  useDidShow(() => void run(load));
  const verify = (provider: Provider) =>
    run(async () => {
      await api.resources.verifyProvider({ params: { id: provider.id } });
      await load();
    });
  return (
    <>
      <RegisterProvider coordinator onAdded={load} />
      <AddOffer providers={providers} onAdded={load} />

      <Text className='section-title'>资源方</Text>
      {providers.length === 0 && <EmptyView title='暂无资源方' />}
      {providers.map((provider) => (
        <View key={provider.id} className='card resources__row offers__provider'>
          <View>
            <Text className='resources__title'>{provider.name}</Text>
            <Text className='muted'>
              {PROVIDER_KIND_LABELS[provider.kind]}
              {provider.contact ? ` · ${provider.contact}` : ''}
            </Text>
          </View>
          {provider.verified ? (
            <Tag type='success'>已认证</Tag>
          ) : (
            <Button size='small' className='offers__verify' onClick={() => verify(provider)}>
              认证
            </Button>
          )}
        </View>
      ))}

      <Text className='section-title'>资源</Text>
      {offers.length === 0 && <EmptyView title='暂无资源' />}
      {offers.map((offer) => (
        <OfferCard key={offer.id} offer={offer} />
      ))}
    </>
  );
}

export default function OffersPage() {
  const user = useCurrentUser();
  const large = useLargeText();
  const coordinator = !!user && hasAnyRole(user.roles, [Role.COORDINATOR]);
  return (
    <View className={`page resources offers ${largeTextClass(large)}`}>
      <View className='resources__actions'>
        {coordinator && (
          <Button className='offers__cases' onClick={() => Taro.navigateTo({ url: '/resources/cases/index' })}>
            需求个案
          </Button>
        )}
        <Button className='offers__projects' onClick={() => Taro.navigateTo({ url: '/resources/projects/index' })}>
          公益项目
        </Button>
        <Button className='offers__needs' onClick={() => Taro.navigateTo({ url: '/resources/needs/index' })}>
          提出需求
        </Button>
      </View>
      {coordinator ? <CoordinatorOffers /> : <MemberOffers userId={user?.id} />}
    </View>
  );
}
