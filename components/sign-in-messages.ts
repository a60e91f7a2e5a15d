/**
 * Which sentence (a key of the SignIn.errors messages, with its values) words each sign-in error that next-auth
 * passes back (credentials, the portal's single sign-on and its code step). Never says whether an email exists in
 * the panel, except to someone the portal vouched for. Isomorphic: the page and the forms translate the key.
 */
export type SignInErrorMessage =
  | { key: "rateLimited"; values: { minutes: number } }
  | { key: "locked" | "totpRequired" | "totpInvalid" | "wrong" | "unreachable"; values?: undefined }
  | { key: "ssoUnknown" | "ssoUnverified" | "ssoNoEmail" | "ssoExpired" | "ssoFailed"; values: { portal: string } };

/** The message for a sign-in error code; `portal` is the portal's name, or the translated "your hosting provider's portal". */
export function signInErrorMessage(code: string | undefined, portal: string): SignInErrorMessage {
  if (code?.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1]) || 0;
    return { key: "rateLimited", values: { minutes: Math.max(1, Math.ceil(seconds / 60)) } };
  }
  switch (code) {
    case "locked":
    case "sso_locked":
      return { key: "locked" };
    case "totp_required":
      return { key: "totpRequired" };
    case "totp_invalid":
      return { key: "totpInvalid" };
    case "sso_unknown":
      return { key: "ssoUnknown", values: { portal } };
    case "sso_unverified":
      return { key: "ssoUnverified", values: { portal } };
    case "sso_no_email":
      return { key: "ssoNoEmail", values: { portal } };
    case "sso_expired":
      return { key: "ssoExpired", values: { portal } };
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
    case "AccessDenied":
    case "Configuration":
    case "Default":
      return { key: "ssoFailed", values: { portal } };
    case "unreachable":
      return { key: "unreachable" };
    default:
      return { key: "wrong" };
  }
}

/** Whether `code` (the sign-in page's `error` parameter) is one this page words; others are not shown. */
export function isSignInErrorCode(code: string): boolean {
  return /^(rate_limited(:\d+)?|locked|totp_required|totp_invalid|sso_(locked|unknown|unverified|no_email|expired)|OAuthSignin|OAuthCallback|OAuthCreateAccount|Callback|AccessDenied|Configuration|Default)$/.test(
    code,
  );
}
