// Certificates (检定证书 / 检定结果通知书): the signed-in view and actions (issue, amend, revoke — all
// sensitive, so the client may ask for the password again), and the addresses of the public side
// (PDF, DCC XML, QR image, inclusion proof, verification page), which need no session.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.ts';
import type { PublicCertificate } from './publicCertificates.ts';

export { certificateLinks, type CertificateKind, type CertificateStatus, type PublicCertificate } from './publicCertificates.ts';

/** GET /api/v1/certificates/{no}: the public view plus the verification it was issued for. */
export interface Certificate extends PublicCertificate {
  readonly verificationId: number;
}

const enc = encodeURIComponent;

/**
 * The certificate issued for a verification (its number is the verification's document number);
 * null while none has been issued (the server answers 404). `enabled: false` when the caller
 * already knows what it needs, e.g. from the summary the instrument detail carries.
 */
export function useCertificate(certificateNo: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['certificates', certificateNo],
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Certificate>(`/api/v1/certificates/${enc(certificateNo)}`, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** After a change: the certificate itself, and the instruments, whose detail carries each verification's certificate summary. */
function useInvalidateCertificate() {
  const client = useQueryClient();
  return (no: string) =>
    Promise.all([client.invalidateQueries({ queryKey: ['certificates', no] }), client.invalidateQueries({ queryKey: ['instruments'] })]);
}

export function useIssueCertificate() {
  const invalidate = useInvalidateCertificate();
  return useMutation({
    mutationFn: ({ verificationId }: { verificationId: number; certificateNo: string }) =>
      api.post<PublicCertificate>(`/api/v1/verifications/${verificationId}/certificate`, {}),
    onSuccess: (_data, { certificateNo }) => invalidate(certificateNo),
  });
}

export function useAmendCertificate() {
  const invalidate = useInvalidateCertificate();
  return useMutation({
    mutationFn: ({ certificateNo, reason }: { certificateNo: string; reason: string }) =>
      api.post<PublicCertificate>(`/api/v1/certificates/${enc(certificateNo)}/amend`, { reason }),
    onSuccess: (_data, { certificateNo }) => invalidate(certificateNo),
  });
}

export function useRevokeCertificate() {
  const invalidate = useInvalidateCertificate();
  return useMutation({
    mutationFn: ({ certificateNo, reason }: { certificateNo: string; reason: string }) =>
      api.post<PublicCertificate>(`/api/v1/certificates/${enc(certificateNo)}/revoke`, { reason }),
    onSuccess: (_data, { certificateNo }) => invalidate(certificateNo),
  });
}
