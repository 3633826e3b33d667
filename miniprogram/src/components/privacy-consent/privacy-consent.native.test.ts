/**
 * The native privacy component in WeChat's own component model (miniprogram-simulate):
 * it appears when WeChat asks for consent and answers WeChat with the button the user tapped.
 */
import simulate from 'miniprogram-simulate';
import { nativeComponent } from '../../../test/native-component';

type Resolve = (result: { event: string; buttonId?: string }) => void;

describe('privacy-consent (native)', () => {
  let askForConsent: ((resolve: Resolve) => void) | undefined;

  beforeAll(() => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.onNeedPrivacyAuthorization = (listener: (resolve: Resolve) => void) => {
      askForConsent = listener;
    };
    wx.getPrivacySetting = ({ success }: { success: (res: object) => void }) =>
      success({ needAuthorization: true, privacyContractName: '《和乐隐私保护指引》' });
    wx.openPrivacyContract = jest.fn();
  });

  const mount = nativeComponent(__dirname);

  it('stays hidden until WeChat asks, then shows the contract name from WeChat', async () => {
    const component = mount();
    expect(component.querySelector('.privacy-mask')).toBeFalsy();
    askForConsent!(jest.fn());
    await simulate.sleep(0);
    expect(component.querySelector('.privacy-mask')).toBeTruthy();
    expect(component.querySelector('.privacy-link')!.dom!.textContent).toBe('《和乐隐私保护指引》');
  });

  it('answers agree with the id of the agree button, then hides', async () => {
    const component = mount();
    const resolve = jest.fn();
    const agreed = jest.fn();
    // j-component's root emits the component's triggerEvent; its typings leave the method out.
    (component as unknown as { addEventListener(name: string, listener: () => void): void }).addEventListener('agree', agreed);
    askForConsent!(resolve);
    await simulate.sleep(0);
    component.querySelector('#privacy-agree')!.dispatchEvent('agreeprivacyauthorization');
    await simulate.sleep(0);
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'privacy-agree', event: 'agree' });
    expect(agreed).toHaveBeenCalled();
    expect(component.querySelector('.privacy-mask')).toBeFalsy();
  });

  it('answers disagree when the user refuses, once', async () => {
    const component = mount();
    const resolve = jest.fn();
    askForConsent!(resolve);
    await simulate.sleep(0);
    component.querySelector('#privacy-disagree')!.dispatchEvent('tap');
    await simulate.sleep(0);
    component.detach();
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  it('opens the app’s own guide (what is collected, export, closing) from its link', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const navigateTo = jest.fn();
    wx.navigateTo = navigateTo;
    const component = mount();
    askForConsent!(jest.fn());
    await simulate.sleep(0);
    component.querySelector('.privacy-guide-link')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/account/privacy/index' });
  });

  it('opens the contract when its name is tapped', async () => {
    const component = mount();
    askForConsent!(jest.fn());
    await simulate.sleep(0);
    component.querySelector('.privacy-link')!.dispatchEvent('tap');
    await simulate.sleep(0);
    const wx = (globalThis as unknown as { wx: { openPrivacyContract: jest.Mock } }).wx;
    expect(wx.openPrivacyContract).toHaveBeenCalled();
  });
});
