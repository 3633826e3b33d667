import { configure } from '@testing-library/react';
import { resetTaro } from './taro-double';

// Every page runs for the H5 build in component tests, as in the browser.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_API_BASE = 'http://api.test';

beforeEach(() => resetTaro());

// The unit stage runs every suite at once on 2 cores: a page's few awaited steps can take more than
// the library's default second there, so findBy/waitFor wait up to 5 s (a pass still returns at once),
// inside a test that may take 15 s.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(15_000);

// jsdom has no IntersectionObserver; Taro's lazy-loading <Image> asks for one. Nothing scrolls
// here: every observed element counts as on screen at once.
class OnScreenObserver {
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {}
  observe(target: Element) {
    this.callback([{ isIntersecting: true, target }]);
  }
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { IntersectionObserver: OnScreenObserver });
