// The certificate of one verification, in the 检定记录 table: its status and version, the public
// documents (PDF, DCC XML, QR image, the public verification page), and the actions the session may
// take — 签发 issue, 更正 amend (certificate:issue) and 撤销 revoke (certificate:revoke). All three
// are sensitive: the API client asks for the password again when the server wants it.
// The instrument detail carries each verification's certificate summary, which is all the cell
// shows, so a table of N verifications makes no request of its own; the mutations refresh the
// instrument. Only a verification without the summary asks for its certificate.
import { App, Button, Form, Input, Modal, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateLinks, useAmendCertificate, useCertificate, useIssueCertificate, useRevokeCertificate, type CertificateStatus } from '../api/certificates.ts';
import type { CertificateSummary, Verification } from '../api/types.ts';
import { useCan } from '../auth/session.ts';
import { useLang } from '../lib/useLang.ts';
import { problemMessage, useShowError } from './problem.tsx';

const STATUS_COLOR: Record<CertificateStatus, string> = { valid: 'green', expired: 'gold', revoked: '#141414', superseded: 'default' };

export function CertificateStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="certificate-status" data-status={status}>
      {t(`certificateStatus.${status}`)}
    </Tag>
  );
}

interface ReasonModalProps {
  readonly open: boolean;
  readonly kind: 'amend' | 'revoke';
  readonly certificateNo: string;
  readonly pending: boolean;
  readonly onSubmit: (reason: string) => void;
  readonly onCancel: () => void;
}

function ReasonModal({ open, kind, certificateNo, pending, onSubmit, onCancel }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={t(`certificate.${kind}Title`, { no: certificateNo })}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t(`certificate.${kind}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: kind === 'revoke', 'data-testid': `certificate-${kind}-submit` } as ButtonProps}
      confirmLoading={pending}
      destroyOnHidden
      data-testid={`certificate-${kind}-modal`}
    >
      <Typography.Paragraph type="secondary">{t(`certificate.${kind}Body`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())} preserve={false}>
        <Form.Item name="reason" label={t('certificate.reason')} rules={[{ required: true, whitespace: true, message: t('certificate.reasonRequired') }, { max: 300 }]}>
          <Input.TextArea rows={3} maxLength={300} showCount autoFocus data-testid="certificate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DocumentLinks({ no }: { no: string }) {
  const { t } = useTranslation();
  return (
    <Space size={8} wrap>
      <Typography.Link href={certificateLinks.pdf(no)} download data-testid="certificate-pdf">
        {t('certificate.pdf')}
      </Typography.Link>
      <Typography.Link href={certificateLinks.dcc(no)} download data-testid="certificate-dcc">
        {t('certificate.dcc')}
      </Typography.Link>
      <Typography.Link href={certificateLinks.qrPng(no)} target="_blank" rel="noopener" data-testid="certificate-qr">
        {t('certificate.qr')}
      </Typography.Link>
      <Typography.Link href={certificateLinks.page(no)} target="_blank" rel="noopener" data-testid="certificate-public-page">
        {t('certificate.publicPage')}
      </Typography.Link>
    </Space>
  );
}

export function CertificateCell({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const no = verification.documentNo;
  const summary = verification.certificate;
  const query = useCertificate(no, { enabled: summary === undefined });
  const issue = useIssueCertificate();
  const amend = useAmendCertificate();
  const revoke = useRevokeCertificate();
  const [asking, setAsking] = useState<'amend' | 'revoke' | null>(null);

  if (summary === undefined && query.isPending) return <Spin size="small" />;
  if (summary === undefined && query.isError) {
    return (
      <Tooltip title={problemMessage(query.error, lang, t)}>
        <Button size="small" type="link" onClick={() => void query.refetch()} data-testid="certificate-retry">
          {t('common.retry')}
        </Button>
      </Tooltip>
    );
  }

  const certificate: CertificateSummary | null = summary !== undefined ? summary : (query.data ?? null);
  if (!certificate) {
    const confirmIssue = () =>
      modal.confirm({
        title: t('certificate.issueTitle', { kind: t(`documentKind.${verification.documentKind}`), no }),
        content: t('certificate.issueBody'),
        okText: t('certificate.issue'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'confirm-issue' } as ButtonProps,
        onOk: async () => {
          try {
            await issue.mutateAsync({ verificationId: verification.id, certificateNo: no });
            void message.success(t('certificate.issued', { no }));
          } catch (error) {
            showError(error);
          }
        },
      });
    return (
      <Space size={4} wrap data-testid="certificate-cell" data-status="none">
        <Tag data-testid="certificate-status" data-status="none">
          {t('certificate.notIssued')}
        </Tag>
        {can('certificate:issue') && (
          <Button size="small" type="primary" ghost loading={issue.isPending} onClick={confirmIssue} data-testid="certificate-issue">
            {t('certificate.issue')}
          </Button>
        )}
      </Space>
    );
  }

  const submitReason = async (reason: string) => {
    const kind = asking;
    if (!kind) return;
    try {
      if (kind === 'amend') {
        await amend.mutateAsync({ certificateNo: no, reason });
        void message.success(t('certificate.amended', { no }));
      } else {
        await revoke.mutateAsync({ certificateNo: no, reason });
        void message.success(t('certificate.revoked', { no }));
      }
      setAsking(null);
    } catch (error) {
      showError(error);
    }
  };

  const open = certificate.status !== 'revoked';
  return (
    <>
      <Space size={[8, 4]} wrap data-testid="certificate-cell" data-status={certificate.status} data-version={certificate.version}>
      <CertificateStatusTag status={certificate.status} />
      <Typography.Text type="secondary">{t('certificate.version', { version: certificate.version })}</Typography.Text>
      <DocumentLinks no={certificate.certificateNo} />
      {open && can('certificate:issue') && (
        <Button size="small" onClick={() => setAsking('amend')} data-testid="certificate-amend">
          {t('certificate.amend')}
        </Button>
      )}
      {open && can('certificate:revoke') && (
        <Button size="small" danger onClick={() => setAsking('revoke')} data-testid="certificate-revoke">
          {t('certificate.revoke')}
        </Button>
      )}
      </Space>
      <ReasonModal
        open={asking !== null}
        kind={asking ?? 'amend'}
        certificateNo={no}
        pending={amend.isPending || revoke.isPending}
        onSubmit={(reason) => void submitReason(reason)}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
