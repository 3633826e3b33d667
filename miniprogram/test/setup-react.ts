import { resetTaro } from './taro-double';

// Every page runs for the H5 build in component tests, as in the browser.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_API_BASE = 'http://api.test';

beforeEach(() => resetTaro());
