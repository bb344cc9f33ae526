// Histogram of the Monte Carlo output distribution (density), with the coverage interval ends and
// the GUM y ± U, and the GUM's normal curve N(y, u) for comparison; table view of the bins.
import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GumOutput, McmHistogram as Histogram, McmOutput } from '../../api/metrology.ts';
import { estimate, sig } from '../../lib/metrologyFormat.ts';
import { EChart } from '../EChart.tsx';
import { ChartOrTable } from '../ChartOrTable.tsx';

interface Props {
  readonly mc: McmOutput;
  readonly gum: GumOutput | undefined;
  readonly trials: number;
}

interface BinRow {
  readonly key: number;
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly density: number;
}

function binRows(h: Histogram, trials: number): BinRow[] {
  return h.counts.map((count, k) => ({
    key: k,
    lower: h.lower + k * h.binWidth,
    upper: h.lower + (k + 1) * h.binWidth,
    count,
    density: h.binWidth > 0 && trials > 0 ? count / (trials * h.binWidth) : 0,
  }));
}

function HistogramChart({ mc, gum, trials, h }: Props & { readonly h: Histogram }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = binRows(h, trials);
    const gumInterval = mc.validation?.gumInterval ?? (gum ? [gum.value - gum.U, gum.value + gum.U] : undefined);
    // Each pair of interval ends is its own (data-less) series so the legend names it by colour.
    const ends = (name: string, lo: number, hi: number, color: string, type: 'solid' | 'dashed' | 'dotted') => ({
      name,
      type: 'line',
      data: [],
      itemStyle: { color },
      lineStyle: { color, type, width: 1.5 },
      markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color, type, width: 1.5 }, data: [{ xAxis: lo }, { xAxis: hi }] },
    });
    const series: object[] = [
      {
        name: t('metrology.mcm.histDensity'),
        type: 'bar',
        barWidth: '100%',
        data: rows.map((r) => [(r.lower + r.upper) / 2, r.density]),
        itemStyle: { color: '#1677ff', opacity: 0.65 },
      },
      ends(t('metrology.mcm.histSymmetric'), mc.interval.symmetric[0], mc.interval.symmetric[1], '#52c41a', 'solid'),
      ends(t('metrology.mcm.histShortest'), mc.interval.shortest[0], mc.interval.shortest[1], '#722ed1', 'dashed'),
      ...(gumInterval ? [ends(t('metrology.mcm.gumInterval'), gumInterval[0]!, gumInterval[1]!, '#fa8c16', 'dotted')] : []),
    ];
    if (gum && gum.u > 0) {
      // Normal density N(y, u) of the GUM result, sampled at four points per bin.
      const steps = 4 * rows.length;
      const start = h.lower;
      const width = h.binWidth * rows.length;
      const curve = Array.from({ length: steps + 1 }, (_, i) => {
        const x = start + (i / steps) * width;
        const z = (x - gum.value) / gum.u;
        return [x, Math.exp(-0.5 * z * z) / (gum.u * Math.sqrt(2 * Math.PI))];
      });
      series.push({ name: t('metrology.mcm.histNormal'), type: 'line', data: curve, showSymbol: false, smooth: true, lineStyle: { color: '#f5222d', width: 1.5 } });
    }
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'value', scale: true, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: t('metrology.mcm.histDensity') },
      series,
    };
  }, [h, mc, gum, trials, t]);
  return <EChart option={option} height={320} testId="mcm-histogram-chart" ariaLabel={t('metrology.mcm.histogram')} />;
}

/** Nothing when the run gave no histogram or all trials coincide (zero bin width). */
export function McmHistogram({ mc, gum, trials }: Props) {
  const { t } = useTranslation();
  const h = mc.histogram;
  if (!h || !(h.binWidth > 0)) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('metrology.mcm.histogram')}</Typography.Title>
      <ChartOrTable
        testId="mcm-histogram"
        chart={<HistogramChart mc={mc} gum={gum} trials={trials} h={h} />}
        table={
          <Table<BinRow>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ y: 320 }}
            data-testid="mcm-histogram-table"
            dataSource={binRows(h, trials)}
            columns={[
              { title: t('metrology.mcm.binLower'), dataIndex: 'lower', key: 'lower', align: 'right', render: (v: number) => estimate(v, mc.u) },
              { title: t('metrology.mcm.binCount'), dataIndex: 'count', key: 'count', align: 'right', render: (v: number) => v.toLocaleString() },
              { title: t('metrology.mcm.histDensity'), dataIndex: 'density', key: 'density', align: 'right', render: (v: number) => sig(v, 3) },
            ]}
            footer={() => t('metrology.mcm.histOutside', { below: h.below.toLocaleString(), above: h.above.toLocaleString() })}
          />
        }
      />
    </div>
  );
}
