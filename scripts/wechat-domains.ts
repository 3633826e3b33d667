/**
 * `npm run wechat:domains -- --stage prod [--region cn-northwest-1] [--param=name=value …]`
 *
 * Prints what to paste into each of the mini-program's four server-domain lists (服务器域名: the
 * request, socket, uploadFile and downloadFile 合法域名, under 开发管理 › 开发设置 on mp.weixin.qq.com) for
 * a stage, and the base URLs of its weapp release build. The center's own domains come from the
 * resolved configuration (serverless.yml › params, or the same `--param`s as the deploy); a list with
 * no domain of the center's takes the deployed stack's default address from its outputs, read with
 * the AWS CLI (`AWS_CLI`, default `aws`; credentials for the stack's account needed).
 */
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { type ResolvedService, resolveService, serviceNameOf } from './local/serverless-config';

/** The base URL of each address the app reaches on a stage. */
export interface StageAddresses {
  api: string;
  socket: string;
  media: string;
}
type AddressName = keyof StageAddresses;
const ADDRESS_NAMES: AddressName[] = ['api', 'socket', 'media'];

/** WeChat's four lists, and the address each must allow (src/api: requests, the live feed, uploads, file downloads). */
const WECHAT_LISTS: Array<[list: string, address: AddressName]> = [
  ['request合法域名', 'api'],
  ['socket合法域名', 'socket'],
  ['uploadFile合法域名', 'media'],
  ['downloadFile合法域名', 'media'],
];

/** The stage parameter that names each address's domain, and the stack output that reports it (serverless/domains.yml). */
const PARAMETER_OF: Record<AddressName, string> = { api: 'apiDomain', socket: 'socketDomain', media: 'mediaDomain' };
const OUTPUT_OF: Record<AddressName, string> = { api: 'ApiBaseUrl', socket: 'SocketBaseUrl', media: 'MediaBaseUrl' };
const SCHEME_OF: Record<AddressName, string> = { api: 'https', socket: 'wss', media: 'https' };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The addresses the configured domains give, and what in the configuration would not deploy. */
export const configuredAddresses = (domains: ResolvedService['custom']['domains']) => {
  const problems: string[] = [];
  const addresses: Partial<StageAddresses> = {};
  for (const name of ADDRESS_NAMES) {
    const domain = domains[name];
    if (!domain) continue;
    if (HOST_NAME.test(domain)) addresses[name] = `${SCHEME_OF[name]}://${domain}`;
    else problems.push(`${PARAMETER_OF[name]} "${domain}" is not a lowercase host name (no scheme, no path, no port)`);
  }
  const named = ADDRESS_NAMES.map((name) => domains[name]).filter(Boolean);
  if (new Set(named).size < named.length) problems.push('apiDomain, socketDomain and mediaDomain must be three different names');
  if ((domains.api || domains.socket) && !domains.certificate) {
    problems.push("apiDomain and socketDomain need certificateArn: an ACM certificate of the stack's region covering both");
  }
  if (domains.media && !domains.mediaCertificate) {
    problems.push(
      'mediaDomain needs mediaCertificate: an ACM certificate ARN in us-east-1, or in the China regions an IAM server certificate ID',
    );
  }
  return { addresses, problems };
};

/** The addresses a deployed stack reports in its outputs. */
export const stackAddresses = (outputs: Record<string, string>): Partial<StageAddresses> =>
  Object.fromEntries(ADDRESS_NAMES.filter((name) => outputs[OUTPUT_OF[name]]).map((name) => [name, outputs[OUTPUT_OF[name]]!]));

/** A list takes a scheme and a host, never a path (the default WebSocket address ends in its stage). */
const originOf = (url: string) => {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
};

/** Addresses that WeChat will not take as the center's, or that need more in the China regions. */
export const cautions = (addresses: StageAddresses, region: string): string[] =>
  ADDRESS_NAMES.filter((name) => /\.amazonaws\.com(\.cn)?$/.test(new URL(addresses[name]).hostname)).map(
    (name) =>
      `${originOf(addresses[name])} is AWS's default address, not a domain the center has filed (ICP 备案): set ${PARAMETER_OF[name]} (README › Deploy)` +
      (region.startsWith('cn-') ? '; in the China regions a default address serves the app only for an account with an ICP recordal' : ''),
  );

/** What the command prints: each list's entry, then the release build's settings. */
export const report = ({
  stage,
  region,
  source,
  addresses,
}: {
  stage: string;
  region: string;
  source: string;
  addresses: StageAddresses;
}) =>
  [
    `WeChat 服务器域名 of stage ${stage} (${region}), from ${source}`,
    'Paste each into its list: mp.weixin.qq.com › 开发管理 › 开发设置 › 服务器域名',
    '',
    ...WECHAT_LISTS.map(([list, address]) => `${list}: ${originOf(addresses[address])}`),
    '',
    `消息推送 URL (photo-check verdicts): ${addresses.api}/wechat/media-check`,
    '',
    'The weapp release build of this stage (npm run release:weapp):',
    `TARO_APP_API_BASE=${addresses.api}`,
    `TARO_APP_SOCKET_BASE=${addresses.socket}`,
    '',
  ].join('\n');

const readStackOutputs = async (stack: string, region: string): Promise<Record<string, string>> => {
  const { stdout } = await promisify(execFile)(process.env.AWS_CLI ?? 'aws', [
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    stack,
    '--region',
    region,
    '--query',
    'Stacks[0].Outputs',
    '--output',
    'json',
  ]);
  const outputs = JSON.parse(stdout) as Array<{ OutputKey: string; OutputValue: string }> | null;
  return Object.fromEntries((outputs ?? []).map(({ OutputKey, OutputValue }) => [OutputKey, OutputValue]));
};

class Refusal extends Error {}

const main = async () => {
  const { values } = parseArgs({
    options: { stage: { type: 'string' }, region: { type: 'string' }, param: { type: 'string', multiple: true } },
  });
  const stage = values.stage;
  if (!stage) throw new Refusal('name the stage: npm run wechat:domains -- --stage prod');
  if (stage === 'local')
    throw new Refusal('the local stage runs on loopback over http; WeChat lists only HTTPS domains of a deployed stage');
  const options = [...(values.region ? ['--region', values.region] : []), ...(values.param ?? []).map((param) => `--param=${param}`)];
  const service = await resolveService(stage, process.env, options);
  const region = service.provider.region;
  const { addresses, problems } = configuredAddresses(service.custom.domains);
  if (problems.length) throw new Refusal(`the configuration of stage ${stage} would not deploy:\n  ${problems.join('\n  ')}`);

  let source = "serverless.yml's parameters";
  const missing = ADDRESS_NAMES.filter((name) => !addresses[name]);
  if (missing.length) {
    const stack = `${serviceNameOf(service)}-${stage}`;
    let outputs: Record<string, string>;
    try {
      outputs = await readStackOutputs(stack, region);
    } catch (error) {
      // The CLI says why on stderr (no credentials, no such stack); a missing CLI only in the message.
      const reason = (error as { stderr?: string }).stderr?.trim().split('\n').pop() || (error as Error).message.split('\n')[0];
      throw new Refusal(
        `no domain of the center's for ${missing.map((name) => PARAMETER_OF[name]).join(', ')}, and the outputs of stack ${stack} ` +
          `in ${region} could not be read (${reason}). Set the domains (README › Deploy), ` +
          'or run this where the AWS CLI has credentials for the deployed stack.',
      );
    }
    const fromStack = stackAddresses(outputs);
    for (const name of missing) {
      if (!fromStack[name]) throw new Refusal(`stack ${stack} has no output ${OUTPUT_OF[name]}: deploy this version first`);
      addresses[name] = fromStack[name];
    }
    source = missing.length === ADDRESS_NAMES.length ? `the outputs of stack ${stack}` : `the parameters and the outputs of stack ${stack}`;
  }

  const complete = addresses as StageAddresses;
  process.stdout.write(report({ stage, region, source, addresses: complete }));
  for (const caution of cautions(complete, region)) console.error(`caution: ${caution}`);
};

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`wechat:domains: ${error instanceof Refusal ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  });
}
