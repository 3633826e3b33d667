/**
 * `npm run wechat:domains` on resolved stages: the prod stage of a China center with its domains (the
 * parameters of the China package), and the prod stage without domains, read from a deployed stack's
 * outputs through a stand-in for the AWS CLI.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cautions, configuredAddresses } from '../../scripts/wechat-domains';
import { CHINA_PARAMS, CHINA_REGION, paramArgs } from './china-stage';
import { ROOT } from './cloudformation';

// Each run resolves the configuration with `sls print` (a few seconds on 2 cores).
jest.setTimeout(60_000);

const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/wechat-domains.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** An `aws` that answers describe-stacks with these outputs, as the real CLI prints them. */
const fakeAwsCli = (outputs: Record<string, string>) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hele-aws-cli-'));
  folders.push(folder);
  const file = path.join(folder, 'aws');
  const answer = JSON.stringify(Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })));
  fs.writeFileSync(file, `#!/bin/sh\necho "$@" > "${folder}/arguments"\necho '${answer}'\n`, { mode: 0o755 });
  return { file, arguments: () => fs.readFileSync(path.join(folder, 'arguments'), 'utf8').trim() };
};

describe('npm run wechat:domains', () => {
  it('prints the four lists and the release build settings of a China stage on its own domains', async () => {
    const { code, stdout, stderr } = await run(['--stage', 'prod', '--region', CHINA_REGION, ...paramArgs(CHINA_PARAMS)]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        "WeChat 服务器域名 of stage prod (cn-northwest-1), from serverless.yml's parameters",
        'Paste each into its list: mp.weixin.qq.com › 开发管理 › 开发设置 › 服务器域名',
        '',
        'request合法域名: https://api.hele.example.cn',
        'socket合法域名: wss://ws.hele.example.cn',
        'uploadFile合法域名: https://files.hele.example.cn',
        'downloadFile合法域名: https://files.hele.example.cn',
        '',
        '消息推送 URL (photo-check verdicts): https://api.hele.example.cn/wechat/media-check',
        '',
        'The weapp release build of this stage (npm run release:weapp):',
        'TARO_APP_API_BASE=https://api.hele.example.cn',
        'TARO_APP_SOCKET_BASE=wss://ws.hele.example.cn',
        '',
      ].join('\n'),
    );
  });

  it("reads a stage without domains from its deployed stack's outputs, and says those are not filed domains", async () => {
    const api = 'https://a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com';
    const cli = fakeAwsCli({
      ApiBaseUrl: api,
      SocketBaseUrl: 'wss://f6g7h8i9j0.execute-api.ap-east-1.amazonaws.com/prod',
      MediaBaseUrl: 'https://hele-center-prod-media.s3.ap-east-1.amazonaws.com',
    });
    const { code, stdout, stderr } = await run(['--stage', 'prod'], { AWS_CLI: cli.file });
    expect(code).toBe(0);
    expect(cli.arguments()).toBe(
      'cloudformation describe-stacks --stack-name hele-center-prod --region ap-east-1 --query Stacks[0].Outputs --output json',
    );
    expect(stdout).toContain('from the outputs of stack hele-center-prod');
    // The list takes the host alone: the default WebSocket address ends in its stage.
    expect(stdout).toContain('socket合法域名: wss://f6g7h8i9j0.execute-api.ap-east-1.amazonaws.com\n');
    expect(stdout).toContain('TARO_APP_SOCKET_BASE=wss://f6g7h8i9j0.execute-api.ap-east-1.amazonaws.com/prod\n');
    expect(stdout).toContain(`TARO_APP_API_BASE=${api}\n`);
    expect(stderr.split('\n').filter((line) => line.startsWith('caution:'))).toHaveLength(3);
  });

  it('refuses a stage it cannot complete: no domains and no stack to read', async () => {
    const { code, stdout, stderr } = await run(['--stage', 'prod'], { AWS_CLI: path.join(ROOT, 'no-such-aws-cli') });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("no domain of the center's for apiDomain, socketDomain, mediaDomain");
  });
});

describe('the domain parameters', () => {
  const none = { api: '', socket: '', certificate: '', media: '', mediaCertificate: '' };

  it('take host names with their certificates', () => {
    const { addresses, problems } = configuredAddresses({
      ...none,
      api: CHINA_PARAMS.apiDomain,
      socket: CHINA_PARAMS.socketDomain,
      certificate: CHINA_PARAMS.certificateArn,
    });
    expect(problems).toEqual([]);
    expect(addresses).toEqual({ api: 'https://api.hele.example.cn', socket: 'wss://ws.hele.example.cn' });
  });

  it('refuse an address for a name, a shared name and a domain without its certificate', () => {
    expect(configuredAddresses({ ...none, api: 'https://api.hele.example.cn', certificate: 'arn' }).problems).toEqual([
      'apiDomain "https://api.hele.example.cn" is not a lowercase host name (no scheme, no path, no port)',
    ]);
    expect(configuredAddresses({ ...none, api: 'hele.example.cn', socket: 'hele.example.cn', certificate: 'arn' }).problems).toEqual([
      'apiDomain, socketDomain and mediaDomain must be three different names',
    ]);
    expect(configuredAddresses({ ...none, media: 'files.hele.example.cn' }).problems).toEqual([
      'mediaDomain needs mediaCertificate: an ACM certificate ARN in us-east-1, or in the China regions an IAM server certificate ID',
    ]);
  });

  it('warn that a default address in China serves the app only for an ICP-recorded account', () => {
    const [caution] = cautions(
      {
        api: 'https://x.execute-api.cn-northwest-1.amazonaws.com.cn',
        socket: 'wss://ws.hele.example.cn',
        media: 'https://files.hele.example.cn',
      },
      CHINA_REGION,
    );
    expect(
      cautions(
        { api: 'https://api.hele.example.cn', socket: 'wss://ws.hele.example.cn', media: 'https://files.hele.example.cn' },
        CHINA_REGION,
      ),
    ).toEqual([]);
    expect(caution).toContain('set apiDomain');
    expect(caution).toContain('ICP recordal');
  });
});
