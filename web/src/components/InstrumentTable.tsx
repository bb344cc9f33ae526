// Dense instrument table with server-side paging and sorting, used by the list, the due view and
// the organization detail.
import { Button, Empty, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import { useEffect, useState } from 'react';
import type * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useInstruments, type InstrumentFilter } from '../api/instruments.ts';
import type { Instrument, InstrumentSort } from '../api/types.ts';
import { formatDate } from '../lib/format.ts';
import { useNames } from '../lib/useLang.ts';
import { DueStateTag } from './DueStateTag.tsx';
import { StatusTag } from './StatusTag.tsx';
import { QueryError } from './QueryError.tsx';

interface Props {
  readonly filter: InstrumentFilter;
  readonly defaultSort?: InstrumentSort;
  readonly hideOwner?: boolean;
  readonly emptyText?: string;
  readonly onSortChange?: (sort: InstrumentSort | undefined) => void;
  readonly testId?: string;
}

const SORTABLE = ['nextDueOn', 'registeredOn', 'id'] as const;
type SortField = (typeof SORTABLE)[number];

function toSort(sorter: SorterResult<Instrument> | SorterResult<Instrument>[]): InstrumentSort | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = one?.columnKey as SortField | undefined;
  if (!one?.order || !field || !SORTABLE.includes(field)) return undefined;
  return one.order === 'descend' ? (`-${field}` as InstrumentSort) : field;
}

function orderOf(sort: InstrumentSort | undefined, field: SortField) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

export function InstrumentTable({ filter, defaultSort, hideOwner, emptyText, onSortChange, testId = 'instrument-table' }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<InstrumentSort | undefined>(defaultSort);
  const filterKey = JSON.stringify(filter);

  useEffect(() => setPage(1), [filterKey]);

  const query = useInstruments({ ...filter, sort, page, pageSize });
  const data = query.data;

  const columns: TableColumnsType<Instrument> = [
    {
      title: t('instrument.serialNo'),
      dataIndex: 'serialNo',
      key: 'serialNo',
      render: (value: string, row) => (
        <Link to={`/instruments/${row.id}`} data-testid="instrument-link">
          {value}
        </Link>
      ),
    },
    {
      title: t('instrument.category'),
      dataIndex: 'categoryCode',
      key: 'category',
      render: (code: string, row) => (
        <div style={{ maxWidth: 220 }}>
          <div>{names.category(code)}</div>
          <Typography.Text type="secondary" ellipsis={{ tooltip: `${row.manufacturer} ${row.model}` }} style={{ fontSize: 12, maxWidth: 220 }}>
            {row.manufacturer} {row.model}
          </Typography.Text>
        </div>
      ),
    },
    ...(hideOwner
      ? []
      : [
          {
            title: t('instrument.owner'),
            dataIndex: 'ownerName',
            key: 'owner',
            render: (name: string, row: Instrument) => (
              <Link to={`/organizations/${row.ownerId}`}>
                <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 220, color: 'inherit' }}>
                  {name}
                </Typography.Text>
              </Link>
            ),
          },
        ]),
    {
      title: t('instrument.district'),
      dataIndex: 'districtCode',
      key: 'district',
      render: (code: string) => names.district(code),
    },
    {
      title: t('instrument.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: Instrument['status']) => <StatusTag status={status} />,
    },
    {
      title: t('instrument.nextDueOn'),
      dataIndex: 'nextDueOn',
      key: 'nextDueOn',
      sorter: true,
      sortOrder: orderOf(sort, 'nextDueOn'),
      render: (value: string | null) => formatDate(value),
    },
    {
      title: t('instrument.dueState'),
      dataIndex: 'dueState',
      key: 'dueState',
      render: (state: Instrument['dueState']) => <DueStateTag state={state} />,
    },
    {
      title: t('instrument.registeredOn'),
      dataIndex: 'registeredOn',
      key: 'registeredOn',
      sorter: true,
      sortOrder: orderOf(sort, 'registeredOn'),
      render: (value: string) => formatDate(value),
      responsive: ['xxl'],
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 72,
      render: (_: unknown, row) => (
        <Link to={`/instruments/${row.id}`}>
          <Button type="link" size="small" style={{ padding: 0 }}>
            {t('common.detail')}
          </Button>
        </Link>
      ),
    },
  ];

  function onChange(pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<Instrument> | SorterResult<Instrument>[]) {
    const nextSort = toSort(sorter);
    if (nextSort !== sort) {
      setSort(nextSort);
      onSortChange?.(nextSort);
      setPage(1);
    } else {
      setPage(pagination.current ?? 1);
    }
    setPageSize(pagination.pageSize ?? 20);
  }

  if (query.isError && !data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Table<Instrument>
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={query.isFetching}
      onChange={onChange}
      onRow={(row) =>
        ({ 'data-testid': 'instrument-row', 'data-serial-no': row.serialNo, 'data-district': row.districtCode, 'data-owner-id': row.ownerId }) as React.HTMLAttributes<HTMLElement>
      }
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={emptyText ?? t('instrumentList.empty')} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => <span data-testid="instrument-total">{t('common.total', { total })}</span>,
      }}
    />
  );
}
