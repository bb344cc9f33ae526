// The verdict of the audit log's chain check: intact, or the entries where it breaks.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerdict } from '../../api/admin.ts';

export function AuditVerdictAlert({ verdict }: { verdict: AuditVerdict }) {
  const { t } = useTranslation();
  const counts = { entries: verdict.entries, checkpoints: verdict.checkpoints, witnessed: verdict.witnessed, lastSeq: verdict.lastSeq };
  return (
    <Alert
      type={verdict.ok ? 'success' : 'error'}
      showIcon
      title={t(verdict.ok ? 'audit.chainOk' : 'audit.chainBroken', counts)}
      description={
        verdict.problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {verdict.problems.map((p, i) => (
              <li key={i}>{t('audit.problem', { seq: p.seq ?? '—', kind: p.kind, message: p.message })}</li>
            ))}
            {verdict.problemsOmitted > 0 && <li>{t('audit.problemsOmitted', { count: verdict.problemsOmitted })}</li>}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="audit-verdict"
      data-ok={String(verdict.ok)}
    />
  );
}
