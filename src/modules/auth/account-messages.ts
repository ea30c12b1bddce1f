import { oneTimeCodeRules } from '../../contract/accounts';

/** The texts the accounts send through the outbox (the outbox renders nothing: docs/api/notify.md). */
const APP_NAME = 'Một cửa số';

/**
 * Where a code's link opens: the page that fills the token and the code in (the person still presses the button, so
 * a mail scanner that follows links spends no try). Only from PUBLIC_BASE_URL: a base taken from the request's Host
 * header would let anyone send a victim a reset link to their own site (host header poisoning); without it the
 * message carries the code alone.
 */
export type CodeLinkBase = string | null | undefined;

export function codeLink(base: CodeLinkBase, page: '/dang-ky/xac-nhan' | '/quen-mat-khau', token: string, code: string): string | null {
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}${page}?${new URLSearchParams({ token, ma: code }).toString()}`;
}

/** The message of a code; an SMS gets the link too (a phone opens it), after the code, which stays the first thing read. */
function withLink(text: string, link: string | null, action: string): string {
  return link ? `${text} Hoặc mở liên kết sau để ${action}: ${link}` : text;
}

export function registrationCodeMessage(code: string, link: string | null = null) {
  return {
    template: 'auth.verify',
    subject: `Mã xác minh tài khoản ${APP_NAME}`,
    body: withLink(
      `Mã xác minh tài khoản ${APP_NAME} của bạn là ${code}. Mã có hiệu lực ${oneTimeCodeRules.lifetimeMinutes} phút. ` +
        'Không cung cấp mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.',
      link,
      'nhập sẵn mã',
    ),
  };
}

export function passwordResetCodeMessage(code: string, link: string | null = null) {
  return {
    template: 'auth.password_reset',
    subject: `Khôi phục mật khẩu ${APP_NAME}`,
    body: withLink(
      `Mã khôi phục mật khẩu tài khoản ${APP_NAME} của bạn là ${code}. Mã có hiệu lực ${oneTimeCodeRules.lifetimeMinutes} phút. ` +
        'Nếu bạn không yêu cầu khôi phục mật khẩu, hãy bỏ qua tin này; mật khẩu của bạn không thay đổi.',
      link,
      'đặt mật khẩu mới',
    ),
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
