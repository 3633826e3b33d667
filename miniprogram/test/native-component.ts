/** Native components (WeChat's own component model) in miniprogram-simulate, for the `native` test project. */
import path from 'node:path';
import simulate from 'miniprogram-simulate';

/**
 * Loads the native component in `folder` once (in a beforeAll: declare a test's wx stand-ins before calling
 * this, so they exist when the component loads) and returns how to mount it, attached as on a page.
 */
export const nativeComponent = (folder: string) => {
  let componentId: string;
  beforeAll(() => {
    componentId = simulate.load(path.join(folder, 'index'));
  });
  return (props?: Record<string, unknown>) => {
    const component = simulate.render(componentId, props);
    component.attach(document.createElement('parent-wrapper'));
    return component;
  };
};
