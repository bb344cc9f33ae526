// A chart with a table view of the same numbers (screen readers, exact reading).
import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly testId: string;
}

export function ChartOrTable({ chart, table, testId }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div data-testid={testId}>
      <Segmented<'chart' | 'table'>
        className="no-print"
        data-testid={`${testId}-view-switch`}
        value={view}
        onChange={setView}
        options={[
          { value: 'chart', label: t('due.chartView') },
          { value: 'table', label: t('due.tableView') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'chart' ? chart : table}
    </div>
  );
}
