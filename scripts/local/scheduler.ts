/**
 * Runs a scheduled function of serverless.yml on the local stack: serverless-offline serves the
 * Lambda invoke API on its lambda port, so the real function runs, in the same way as on AWS.
 */
export const startScheduler = ({
  lambdaPort,
  functionName,
  everyMs,
  log,
}: {
  lambdaPort: number;
  functionName: string;
  everyMs: number;
  log: (line: string) => void;
}) => {
  const invoke = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${lambdaPort}/2015-03-31/functions/${functionName}/invocations`, {
        method: 'POST',
        body: JSON.stringify({ source: 'local.scheduler' }),
      });
      if (!response.ok) log(`${functionName}: HTTP ${response.status}`);
    } catch (error) {
      log(`${functionName}: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void invoke(), everyMs);
  timer.unref();
  return { invoke, stop: () => clearInterval(timer) };
};
