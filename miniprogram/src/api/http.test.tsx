import { ApiError, api } from '@/api';
import { errorMessage } from '@/utils/feedback';
import { answerRequests } from '../../test/taro-double';
import { signedInAs } from '../../test/fixtures';

const failure = async (): Promise<ApiError> => {
  try {
    await api.resources.projects();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
};

describe('what a failed call says', () => {
  beforeEach(() => signedInAs('王社工', ['coordinator']));

  it("says API Gateway's own throttling (a bare 429) in Chinese, as the server's TOO_MANY_REQUESTS", async () => {
    answerRequests(() => ({ statusCode: 429, data: { message: 'Too Many Requests' } }));
    const error = await failure();
    expect(error.status).toBe(429);
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(errorMessage(error)).toBe('操作太频繁，请稍后再试');
  });

  it("keeps the server's own code when its answer has one", async () => {
    answerRequests(() => ({ statusCode: 429, data: { error: { code: 'BUSY', message: 'busy' } } }));
    expect(errorMessage(await failure())).toBe('人数较多，请稍后再试');
  });

  it('says why the content check refused a text, in its own words', async () => {
    answerRequests(() => ({
      statusCode: 422,
      data: { error: { code: 'CONTENT_REJECTED', message: 'refused', details: [{ path: 'text', message: '含有不当内容「赌博」' }] } },
    }));
    expect(errorMessage(await failure())).toBe('含有不当内容「赌博」');
  });

  it('names any other bare status', async () => {
    answerRequests(() => ({ statusCode: 503, data: { message: 'Service Unavailable' } }));
    expect(errorMessage(await failure())).toBe('请求失败 (503)');
  });
});
