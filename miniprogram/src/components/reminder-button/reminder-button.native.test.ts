/** The native reminder button in WeChat's component model: the subscribe prompt from a tap. */
import simulate from 'miniprogram-simulate';
import { nativeComponent } from '../../../test/native-component';

type Wx = { requestSubscribeMessage: jest.Mock };

describe('reminder-button (native)', () => {
  const wx = () => (globalThis as unknown as { wx: Wx }).wx;

  beforeAll(() => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.requestSubscribeMessage = jest.fn();
  });
  beforeEach(() => wx().requestSubscribeMessage.mockReset());

  const render = nativeComponent(__dirname);
  const mount = (props: Record<string, unknown>) => {
    const component = render(props);
    const results: unknown[] = [];
    (component as unknown as { addEventListener(name: string, listener: (event: { detail: unknown }) => void): void }).addEventListener(
      'result',
      (event) => results.push(event.detail),
    );
    return { component, results };
  };

  it('asks WeChat for the template on tap and reports an accept', async () => {
    wx().requestSubscribeMessage.mockImplementation(({ tmplIds, success, complete }) => {
      success({ [tmplIds[0]]: 'accept', errMsg: 'requestSubscribeMessage:ok' });
      complete();
    });
    const { component, results } = mount({ template: 'TPL-1' });
    component.querySelector('#reminder-button')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wx().requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL-1'] }));
    expect(results).toEqual([{ accepted: true, inAppOnly: false }]);
  });

  it('reports a refusal and a failure as not accepted', async () => {
    wx()
      .requestSubscribeMessage.mockImplementationOnce(({ success, complete }) => {
        success({ 'TPL-1': 'reject' });
        complete();
      })
      .mockImplementationOnce(({ fail, complete }) => {
        fail({ errCode: 20004, errMsg: 'main switch off' });
        complete();
      });
    const { component, results } = mount({ template: 'TPL-1' });
    component.querySelector('#reminder-button')!.dispatchEvent('tap');
    await simulate.sleep(0);
    component.querySelector('#reminder-button')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(results).toEqual([
      { accepted: false, inAppOnly: false },
      { accepted: false, inAppOnly: false, errCode: 20004 },
    ]);
  });

  it('without a template (local stage) accepts in-app at once, and does nothing once subscribed', async () => {
    const { component, results } = mount({ template: '' });
    component.querySelector('#reminder-button')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(results).toEqual([{ accepted: true, inAppOnly: true }]);
    expect(wx().requestSubscribeMessage).not.toHaveBeenCalled();

    const done = mount({ template: 'TPL-1', subscribed: true });
    done.component.querySelector('#reminder-button')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(done.results).toEqual([]);
    expect(done.component.querySelector('#reminder-button')!.dom!.textContent).toBe('已设置提醒');
  });
});
