import { oneTimeCodeRules } from '../../contract/accounts';

/** The texts the accounts send through the outbox (the outbox renders nothing: docs/api/notify.md). */
const APP_NAME = 'Một cửa số';

export function registrationCodeMessage(code: string) {
  return {
    template: 'auth.verify',
    subject: `Mã xác minh tài khoản ${APP_NAME}`,
    body:
      `Mã xác minh tài khoản ${APP_NAME} của bạn là ${code}. Mã có hiệu lực ${oneTimeCodeRules.lifetimeMinutes} phút. ` +
      'Không cung cấp mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.',
  };
}

export function passwordResetCodeMessage(code: string) {
  return {
    template: 'auth.password_reset',
    subject: `Khôi phục mật khẩu ${APP_NAME}`,
    body:
      `Mã khôi phục mật khẩu tài khoản ${APP_NAME} của bạn là ${code}. Mã có hiệu lực ${oneTimeCodeRules.lifetimeMinutes} phút. ` +
      'Nếu bạn không yêu cầu khôi phục mật khẩu, hãy bỏ qua tin này; mật khẩu của bạn không thay đổi.',
  };
}

/** A login that several accounts share as their contact: the code would not say which account it resets. */
export function ambiguousResetMessage() {
  return {
    template: 'auth.password_reset',
    subject: `Khôi phục mật khẩu ${APP_NAME}`,
    body:
      `Có yêu cầu khôi phục mật khẩu ${APP_NAME} bằng địa chỉ này, nhưng địa chỉ này gắn với nhiều tài khoản. ` +
      'Hãy yêu cầu lại bằng tên đăng nhập (số CCCD hoặc mã số thuế) của tài khoản cần khôi phục.',
  };
}
