/**
 * The resource cloud (docs/DOMAIN.md §3): providers register (or a coordinator registers them) and offer
 * people, goods, information or funds; needs become cases that go through the social-work process
 * (shared/rules/cases: one step at a time, each step's form before the next); during planning and
 * intervention coordinators allocate offered resources, never more than what remains.
 */
import {
  advanceBlocker,
  ALLOCATION_STAGES,
  CASE_STAGE_LABELS,
  caseTransition,
  evaluationProblem,
  formEditable,
  FUNDS_UNIT,
  hasAnyRole,
  Role,
  type Allocation,
  type AllocationRequest,
  type Case,
  type CaseEvent,
  type CaseForm,
  type CaseFormStep,
  type CaseInput,
  type MyNeed,
  type RaiseNeedRequest,
  type CaseStage,
  type DirectoryProvider,
  type Offer,
  type OfferInput,
  type OfferKind,
  type Provider,
  type ProviderInput,
  type Project,
  type ProjectFigures,
  type ProjectInput,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { loadUser, type Principal } from '../lib/principal';
import { allProjects, projectOf, projectScope } from '../domain/projects';
import { requirePassing, TextScene, type ContentChecker } from '../lib/content-check';
import { everyPage, type PageRequest } from '../lib/pagination';
import { busy, settled } from '../lib/retry';
import { readCounts } from '../domain/stats';
import type { resourceRepository as ResourceRepository } from './repository';

export interface ResourceDeps {
  resources: typeof ResourceRepository;
  /** What an offer says in the directory every member reads passes it first. */
  checker: ContentChecker;
  now?: () => Date;
}

const DEFAULT_UNITS: Record<OfferKind, string | undefined> = { people: '人', goods: undefined, information: '条', funds: FUNDS_UNIT };

const figuresOf = (counts: Record<string, number>): ProjectFigures => ({
  checkIns: counts.checkIns ?? 0,
  serviceMinutes: counts.serviceMinutes ?? 0,
  cases: counts.cases ?? 0,
  allocations: counts.allocations ?? 0,
});

/** How many needs one person may have waiting (not yet 已结案) at once. */
export const MAX_OPEN_NEEDS = 5;

/** What the raiser sees of their need. */
const asNeed = (record: Case): MyNeed => ({
  id: record.id,
  what: record.description,
  where: record.location ?? '',
  urgency: record.urgency ?? 'normal',
  ...(record.contact ? { contact: record.contact } : {}),
  stage: record.stage,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);

const wrongStage = (record: Case, what: string) =>
  new ConflictError('CASE_STAGE', `${what}: the case is at ${CASE_STAGE_LABELS[record.stage]}`, [{ path: 'stage', message: record.stage }]);

export const createResourceService = ({ resources, checker, now = () => new Date() }: ResourceDeps) => {
  const stamp = () => {
    const at = now();
    return { id: ulid(at.getTime()), at: at.toISOString() };
  };
  /** What every new case starts with: 需求评估, no forms or log yet. */
  const opened = (caller: Principal, at: string) => ({
    stage: 'assessment' as const,
    forms: {},
    logCount: 0,
    createdBy: caller.id,
    createdAt: at,
    updatedAt: at,
  });
  const event = (caller: Principal, fields: Omit<CaseEvent, 'id' | 'at' | 'actorId' | 'actorName'>): CaseEvent => ({
    ...stamp(),
    actorId: caller.id,
    actorName: caller.nickname,
    ...fields,
  });

  const requireCase = async (id: string) => {
    const record = await resources.case(id);
    if (!record) throw new NotFoundError('Case');
    return record;
  };

  /** A new item's write (its id is new: only a lost race can stop it). */
  const written = async (write: () => Promise<string>) => {
    if ((await settled(write)) !== 'ok') throw busy();
  };

  /** Writes that lost their condition because the case moved meanwhile answer with where it is now. */
  const caseWrite = async (id: string, write: () => Promise<string>, what: string) => {
    const outcome = await settled(write);
    if (outcome === 'stage') throw wrongStage(await requireCase(id), what);
    if (outcome !== 'ok') throw busy();
    return requireCase(id);
  };

  /** Coordinators see every offer; a provider's contact user sees that provider's. */
  const mayFollow = (caller: Principal, offer: Offer) => isCoordinator(caller) || offer.contactUserId === caller.id;

  return {
    /** A coordinator registers a provider (verified at once); anyone else registers themselves, to be verified. */
    async registerProvider(input: ProviderInput, caller: Principal): Promise<Provider> {
      const coordinator = isCoordinator(caller);
      if (!coordinator && input.contactUserId && input.contactUserId !== caller.id) {
        throw ValidationError.field('contactUserId', '只能为自己登记资源方');
      }
      const contactUserId = coordinator ? input.contactUserId : caller.id;
      if (contactUserId && !(await loadUser(contactUserId))) throw ValidationError.field('contactUserId', '用户不存在');
      const { id, at } = stamp();
      const provider: Provider = {
        ...input,
        id,
        ...(contactUserId ? { contactUserId } : {}),
        verified: coordinator,
        createdBy: caller.id,
        createdAt: at,
      };
      await written(() => resources.addProvider(provider));
      return provider;
    },

    /** Verifies a provider and publishes the offers it made before; verifying again finishes what a failure left. */
    async verifyProvider(id: string) {
      const held = await resources.verifyProvider(id);
      if (!held) throw new NotFoundError('Provider');
      for (const offerId of held) {
        const offer = await resources.offer(offerId);
        if (!offer || (await settled(() => resources.publishOffer(offer))) === 'offer') await resources.forgetPendingOffer(id, offerId);
      }
      return (await resources.provider(id))!;
    },

    providers: (page: PageRequest) => resources.providers(page),

    async addOffer(input: OfferInput, caller: Principal): Promise<Offer> {
      const provider = await resources.provider(input.providerId);
      if (!provider) throw ValidationError.field('providerId', '资源方不存在');
      if (!isCoordinator(caller) && provider.contactUserId !== caller.id)
        throw new ForbiddenError('Only the provider or a coordinator offers its resources');
      // The directory shows the title and when it can be used to every member.
      await requirePassing(checker, caller.id, TextScene.FORUM, { title: input.title, availability: input.availability });
      const { id, at } = stamp();
      const offer: Offer = {
        ...input,
        id,
        providerName: provider.name,
        unit: input.unit ?? DEFAULT_UNITS[input.kind]!,
        remaining: input.quantity,
        ...(provider.contactUserId ? { contactUserId: provider.contactUserId } : {}),
        createdBy: caller.id,
        createdAt: at,
      };
      // An unverified provider's offer waits for its verification: no one allocates it or counts it before.
      if (!provider.verified) {
        const held = await settled(() => resources.addPendingOffer(offer));
        if (held === 'ok') return offer;
        if (held !== 'verified') throw busy();
      }
      await written(() => resources.addOffer(offer));
      return offer;
    },

    offers: (page: PageRequest, kind?: OfferKind) => resources.offers(page, kind),

    /**
     * The platform as any member sees it: verified providers with their published offers, largest first. No
     * contacts and nobody behind a provider; a private donor (爱心人士) shows by surname only.
     */
    async directory(): Promise<DirectoryProvider[]> {
      const [providers, offers] = await Promise.all([
        everyPage((cursor) => resources.providers({ limit: 100, cursor })),
        everyPage((cursor) => resources.offers({ limit: 100, cursor })),
      ]);
      return providers
        .filter((provider) => provider.verified)
        .map((provider) => ({
          id: provider.id,
          name: provider.kind === 'donor' ? `${[...provider.name][0]}**` : provider.name,
          kind: provider.kind,
          offers: offers
            .filter((offer) => offer.providerId === provider.id)
            .map(({ id, kind, title, quantity, unit, remaining, availability }) => ({
              id,
              kind,
              title,
              quantity,
              unit,
              remaining,
              ...(availability ? { availability } : {}),
            })),
        }))
        .sort((a, b) => b.offers.length - a.offers.length || a.name.localeCompare(b.name, 'zh-CN'));
    },
    mine: async (caller: Principal) => {
      const [providers, offers] = await Promise.all([resources.providersOf(caller.id), resources.offersOf(caller.id)]);
      return { providers, offers };
    },

    /** Where an offer went: for coordinators and the provider (to anyone else the offer does not exist). */
    async allocationsOf(offerId: string, caller: Principal) {
      const offer = await resources.offer(offerId);
      if (!offer || !mayFollow(caller, offer)) throw new NotFoundError('Offer');
      return { items: await resources.allocationsOfOffer(offerId) };
    },

    async addProject(input: ProjectInput, caller: Principal): Promise<Project> {
      const { id, at } = stamp();
      const project = { ...input, id, createdBy: caller.id, createdAt: at };
      await written(() => resources.addProject(project));
      return { ...project, figures: figuresOf({}) };
    },

    /** Every project with its figures (one small counter read each). */
    async projects(): Promise<Project[]> {
      return Promise.all(
        (await allProjects()).map(async (project) => ({ ...project, figures: figuresOf(await readCounts(projectScope(project.id))) })),
      );
    },

    async openCase(input: CaseInput, caller: Principal): Promise<Case> {
      if (input.projectId && !(await projectOf(input.projectId))) throw ValidationError.field('projectId', '公益项目不存在');
      const { id, at } = stamp();
      const record: Case = {
        ...input,
        id,
        ...opened(caller, at),
      };
      await written(() => resources.openCase(record, event(caller, { kind: 'opened', to: 'assessment' })));
      return record;
    },

    /** 提出需求: the caller's need enters 需求评估, marked as raised by a resident, for a coordinator to assess. */
    async raiseNeed(input: RaiseNeedRequest, caller: Principal): Promise<MyNeed> {
      const open = (await resources.needsOf(caller.id)).filter((record) => record.stage !== 'closed');
      if (open.length >= MAX_OPEN_NEEDS)
        throw new ConflictError('TOO_MANY_OPEN_NEEDS', `At most ${MAX_OPEN_NEEDS} needs may wait at once`, [
          { path: 'what', message: `最多同时提出 ${MAX_OPEN_NEEDS} 条需求` },
        ]);
      const { id, at } = stamp();
      const record: Case & { raisedBy: string } = {
        id,
        title: [...input.what].slice(0, 60).join(''),
        source: 'resident',
        description: input.what,
        requester: caller.nickname,
        raisedBy: caller.id,
        raisedByName: caller.nickname,
        location: input.where,
        urgency: input.urgency,
        ...(input.contact ? { contact: input.contact } : {}),
        ...opened(caller, at),
      };
      await written(() => resources.raiseNeed(record, event(caller, { kind: 'opened', to: 'assessment', text: '居民提出' })));
      return asNeed(record);
    },

    /** The caller's own needs and where each stands. */
    myNeeds: async (caller: Principal) =>
      (await resources.needsOf(caller.id)).filter((record) => record.raisedBy === caller.id).map(asNeed),

    /** A raised need, for its raiser and coordinators only: to anyone else it does not exist. */
    async need(id: string, caller: Principal): Promise<MyNeed> {
      const record = await resources.case(id);
      if (!record?.raisedBy || (record.raisedBy !== caller.id && !isCoordinator(caller))) throw new NotFoundError('Need');
      return asNeed(record);
    },

    cases: (page: PageRequest, stage?: CaseStage) => resources.cases(page, stage),

    async caseDetail(id: string) {
      const record = await requireCase(id);
      return { case: record, ...(await resources.caseRecords(id)) };
    },

    async move(id: string, to: CaseStage, reason: string | undefined, caller: Principal) {
      const record = await requireCase(id);
      const verdict = caseTransition(record.stage, to, caller.roles, reason);
      if (!verdict.ok) {
        if (verdict.code === 'NOT_ALLOWED') throw new ForbiddenError(verdict.message);
        throw new ConflictError(verdict.code, verdict.message, [
          { path: verdict.code === 'REASON_REQUIRED' ? 'reason' : 'to', message: verdict.message },
        ]);
      }
      if (verdict.kind === 'advance') {
        const blocker = advanceBlocker(record.stage, { filledForms: Object.keys(record.forms) as CaseStage[], logCount: record.logCount });
        if (blocker) throw new ConflictError('STEP_INCOMPLETE', blocker, [{ path: 'to', message: blocker }]);
      }
      const moved = event(caller, { kind: 'moved', from: record.stage, to, move: verdict.kind, ...(reason ? { text: reason } : {}) });
      return caseWrite(id, () => resources.move(id, record.stage, to, moved), 'Someone moved this case meanwhile');
    },

    async saveForm(id: string, step: CaseFormStep, form: CaseForm, caller: Principal) {
      const record = await requireCase(id);
      if (!formEditable(record.stage, step)) throw wrongStage(record, `The ${CASE_STAGE_LABELS[step]} form is written at that step`);
      if (step === 'evaluation' && 'measures' in form) {
        const problem = evaluationProblem(
          record.forms.planning?.goals.length ?? 0,
          form.measures.map((measure) => measure.goal),
        );
        if (problem) throw ValidationError.field(problem.path, problem.message);
      }
      return caseWrite(id, () => resources.saveForm(id, step, form, event(caller, { kind: 'form', step })), 'Save the form');
    },

    async addLog(id: string, text: string, caller: Principal) {
      const record = await requireCase(id);
      if (record.stage !== 'intervention') throw wrongStage(record, 'The intervention log is written during 介入');
      return caseWrite(id, () => resources.addLog(id, event(caller, { kind: 'log', step: 'intervention', text })), 'Write the log');
    },

    async allocate(caseId: string, request: AllocationRequest, caller: Principal): Promise<Allocation> {
      const record = await requireCase(caseId);
      const offer = await resources.offer(request.offerId);
      if (!offer) throw ValidationError.field('offerId', '资源不存在');
      const { id, at } = stamp();
      const allocation: Allocation = {
        id,
        caseId,
        caseTitle: record.title,
        offerId: offer.id,
        offerTitle: offer.title,
        providerId: offer.providerId,
        providerName: offer.providerName,
        kind: offer.kind,
        quantity: request.quantity,
        unit: offer.unit,
        ...(request.note ? { note: request.note } : {}),
        actorId: caller.id,
        at,
      };
      const text = `${offer.providerName}「${offer.title}」${request.quantity} ${offer.unit}`;
      const outcome = await settled(() =>
        resources.allocate(allocation, ALLOCATION_STAGES, event(caller, { kind: 'allocated', step: record.stage, text }), record.projectId),
      );
      if (outcome === 'ok') return allocation;
      if (outcome === 'remaining') {
        const left = (await resources.offer(offer.id))?.remaining ?? 0;
        throw new ConflictError('NOT_ENOUGH_REMAINING', `Only ${left} ${offer.unit} of this offer remain`, [
          { path: 'quantity', message: `最多 ${left}` },
        ]);
      }
      if (outcome === 'verified')
        throw new ConflictError('PROVIDER_NOT_VERIFIED', 'The provider is not verified yet', [
          { path: 'offerId', message: '资源方尚未认证' },
        ]);
      throw wrongStage(await requireCase(caseId), 'Resources are allocated during 计划 and 介入');
    },
  };
};
