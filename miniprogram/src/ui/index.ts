/**
 * The NutUI components the app uses, each with its own stylesheet (NutUI's on-demand import):
 * importing the whole kit's CSS would put 232 KB into one page of the weapp package.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
export { default as Empty } from './empty';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
