/**
 * A bar chart drawn with AntV F2 on a canvas: WeChat's `type="2d"` canvas node in the weapp, the
 * page's <canvas> element in H5. Bars with a `group` are drawn side by side, with a legend; a chart
 * with nothing to draw says why instead of showing empty axes.
 */
import { Canvas as CanvasView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { Axis, Canvas, Chart, Interval, jsx, Legend } from '@antv/f2';

export interface Bar {
  label: string;
  value: number;
  group?: string;
}

const COLORS = ['#c8161d', '#f0a02c'];

/** Axis labels readable on a phone: 26 design px (rpx) draw at 13 px on a 375 px wide screen (see `px2hd`). */
const AXIS_STYLE = { label: { fontSize: '26px', fill: '#555' } };

/**
 * F2's sizes ("20px" in its theme) are px of a 750-wide design, as the app's own rpx are. Its default
 * conversion reads the scale from <html>'s font size, which in H5 is Taro's rem base (about 20 px on a
 * phone), shrinking every label to a fifth; this one scales by the screen's width, alike on both.
 */
const px2hd = (px: number): number => Number(((px * Taro.getSystemInfoSync().windowWidth) / 750).toFixed(1));

/** F2's element factory; its types expect F2's own JSX components, which Chart's generics do not satisfy. */
const element = jsx as (type: unknown, props: Record<string, unknown>) => unknown;

interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
}

/** `find()` once it answers, checked each frame for about a second (H5's canvas element appears after the page renders). */
const whenFound = <T,>(find: () => T | undefined, frames = 60): Promise<T | undefined> =>
  new Promise((resolve) => {
    const look = (left: number) => {
      const found = find();
      if (found || left === 0) return resolve(found);
      requestAnimationFrame(() => look(left - 1));
    };
    look(frames);
  });

/** The 2D context of the canvas with this id, sized for the screen's pixel ratio (undefined where there is none, as in tests). */
const surfaceOf = async (id: string): Promise<Surface | undefined> => {
  const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1;
  const found =
    process.env.TARO_ENV === 'h5'
      ? await whenFound(() => {
          const canvas = document.querySelector<HTMLCanvasElement>(`#${id} canvas`);
          const box = canvas?.getBoundingClientRect();
          return canvas && box?.width ? { node: canvas, width: box.width, height: box.height } : undefined;
        })
      : await new Promise<{ node?: HTMLCanvasElement; width: number; height: number } | undefined>((resolve) =>
          Taro.createSelectorQuery()
            .select(`#${id}`)
            .fields({ node: true, size: true })
            .exec(([result]) => resolve(result)),
        );
  const context = found?.node?.getContext?.('2d');
  if (!found?.node || !context || !found.width || !found.height) return undefined;
  found.node.width = found.width * pixelRatio;
  found.node.height = found.height * pixelRatio;
  return { context, width: found.width, height: found.height, pixelRatio };
};

/** The bars, or, when there is nothing to draw (no bar above zero), `empty`: why the chart is empty. */
export function BarChart({ id, bars, empty }: { id: string; bars: Bar[]; empty: string }) {
  const data = JSON.stringify(bars);
  const blank = !bars.some((bar) => bar.value > 0);
  useEffect(() => {
    let chart: Canvas | undefined;
    let gone = false;
    if (blank) return undefined;
    void surfaceOf(id).then((surface) => {
      if (!surface || gone) return;
      const grouped = bars.some((bar) => bar.group);
      chart = new Canvas({
        ...surface,
        px2hd,
        animate: false,
        children: element(Chart, {
          data: bars,
          scale: { value: { min: 0, nice: true } },
          children: [
            element(Axis, { field: 'label', style: AXIS_STYLE }),
            element(Axis, { field: 'value', style: AXIS_STYLE }),
            element(Interval, {
              x: 'label',
              y: 'value',
              color: grouped ? { field: 'group', range: COLORS } : COLORS[0],
              ...(grouped ? { adjust: 'dodge' } : {}),
            }),
            grouped ? element(Legend, { position: 'top' }) : null,
          ],
        }),
      });
      void chart.render();
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
    // `data` stands for `bars`: redraw when the figures change, not on every render.
  }, [id, data, blank]);
  if (blank)
    return (
      <View className='dashboard__chart dashboard__chart--empty' id={id}>
        <Text className='dashboard__chart-empty'>{empty}</Text>
      </View>
    );
  return <CanvasView type='2d' id={id} className='dashboard__chart' />;
}
