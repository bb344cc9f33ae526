// Form rules for a new password, mirroring the server's policy (src/domain/auth/password-policy.ts):
// 12 to 128 characters counted as code points, anything allowed including spaces, no composition
// rules. Whether it is too common or guessable is the server's call.
import type { FormRule } from 'antd';

type TFn = (key: string, options?: Record<string, unknown>) => string;

const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;

export function newPasswordRules(t: TFn): FormRule[] {
  return [
    { required: true },
    {
      validator: (_, value?: string) => {
        const length = [...(value ?? '')].length;
        if (length > 0 && length < PASSWORD_MIN) return Promise.reject(new Error(t('account.passwordTooShort', { min: PASSWORD_MIN })));
        if (length > PASSWORD_MAX) return Promise.reject(new Error(t('account.passwordTooLong', { max: PASSWORD_MAX })));
        return Promise.resolve();
      },
    },
  ];
}
