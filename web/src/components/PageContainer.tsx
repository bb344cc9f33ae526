// Page frame in the Ant Design Pro manner: breadcrumb, title with actions, then content.
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface Crumb {
  readonly title: string;
  readonly to?: string;
}

interface Props {
  readonly title: ReactNode;
  readonly crumbs: readonly Crumb[];
  readonly extra?: ReactNode;
  readonly subTitle?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
  /** Plain-text title for the browser tab. */
  readonly documentTitle?: string;
}

export function PageContainer({ title, crumbs, extra, subTitle, children, testId, documentTitle }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const text = documentTitle ?? (typeof title === 'string' ? title : undefined);
    document.title = text ? `${text} - ${t('app.title')}` : t('app.title');
  }, [documentTitle, title, t]);

  const items = [{ title: t('nav.home'), to: '/' }, ...crumbs].map((crumb, i, all) => ({
    key: `${i}`,
    title: crumb.to && i < all.length - 1 ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
  }));

  return (
    <div data-testid={testId}>
      <div className="page-header" style={{ background: 'var(--ant-color-bg-container, #fff)', padding: '12px 24px 16px', margin: '-24px -24px 24px' }}>
        <Breadcrumb items={items} data-testid="breadcrumb" />
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 8 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
              {title}
            </Typography.Title>
            {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
          </div>
          {extra ? <div>{extra}</div> : null}
        </Flex>
      </div>
      {children}
    </div>
  );
}
