/** What the local stage says a request cost DynamoDB (lib/request-cost): round trips, read and write units. */
export interface RequestCost {
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
}

const costOf = (header: string | null): RequestCost | undefined => {
  if (!header) return undefined;
  const [roundTrips = 0, readUnits = 0, writeUnits = 0] = header.split(';').map(Number);
  return { roundTrips, readUnits, writeUnits };
};

/** A small HTTP client for the bench: JSON in and out, keep-alive (Node's fetch). */
export const api = (base: string) => {
  const request = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, cost: costOf(response.headers.get('x-dynamodb-cost')) };
  };
  return {
    request,
    async signIn(name: string): Promise<{ token: string; userId: string }> {
      const reply = await request('POST', '/auth/login', undefined, { code: `dev:${name}` });
      if (reply.status !== 200) throw new Error(`sign-in ${name}: ${JSON.stringify(reply.body)}`);
      return { token: reply.body.token, userId: reply.body.user.id };
    },
  };
};

export type Api = ReturnType<typeof api>;

/** Signs in `count` users, `concurrency` at a time. */
export const signInMany = async (client: Api, prefix: string, count: number, concurrency = 50) => {
  const users: Array<{ token: string; userId: string }> = [];
  for (let i = 0; i < count; i += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - i) }, (_, j) => client.signIn(`${prefix}-${i + j}`));
    users.push(...(await Promise.all(batch)));
  }
  return users;
};
