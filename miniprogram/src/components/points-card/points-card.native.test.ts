import simulate from 'miniprogram-simulate';
import { hoursOf } from '@hele/shared';
import { nativeComponent } from '../../../test/native-component';

describe('points-card (native)', () => {
  const render = nativeComponent(__dirname);
  const text = (component: ReturnType<typeof render>, selector: string) => component.querySelector(selector)!.dom!.textContent!.trim();

  it('shows the balance, the stars reached and the hours', async () => {
    const component = render({ balance: 1280, stars: 2, minutes: 350 * 60 + 30 });
    await simulate.sleep(0);
    expect(text(component, '#points-balance')).toBe('1280');
    expect(component.querySelectorAll('.points-card__star--on')).toHaveLength(2);
    expect(component.querySelectorAll('.points-card__star')).toHaveLength(5);
    expect(text(component, '.points-card__level')).toBe('2 星志愿者');
    expect(text(component, '.points-card__hours')).toBe('累计服务 350.5 小时');
  });

  it('shows 未定级 before the first star, and follows new values', async () => {
    const component = render({ balance: 0, stars: 0, minutes: 0 });
    await simulate.sleep(0);
    expect(text(component, '.points-card__level')).toBe('未定级');
    component.setData({ stars: 5, minutes: 1500 * 60 });
    await simulate.sleep(0);
    expect(component.querySelectorAll('.points-card__star--on')).toHaveLength(5);
    expect(text(component, '.points-card__level')).toBe('5 星志愿者');
  });

  it('rounds the hours as every other page does (shared hoursOf): 57 minutes are 1 hour, not 0.9', async () => {
    const component = render({ balance: 0, stars: 0, minutes: 57 });
    await simulate.sleep(0);
    expect(text(component, '.points-card__hours')).toBe(`累计服务 ${hoursOf(57)} 小时`);
    expect(hoursOf(57)).toBe(1);
  });
});
