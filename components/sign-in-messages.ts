/**
 * Sentences for the sign-in errors that next-auth passes back (credentials, the portal's single sign-on and
 * its code step). Never says whether an email exists in the panel, except to someone the portal vouched for.
 */
export function describeSignInError(code: string | undefined, portal = "your hosting provider's portal"): string {
  if (code?.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1]) || 0;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
  }
  switch (code) {
    case "locked":
    case "sso_locked":
      return "This panel login is locked. Contact your hosting provider's support.";
    case "totp_required":
      return "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";
    case "totp_invalid":
      return "That code is not right. Use the current code from your authenticator app, or a recovery code.";
    case "sso_unknown":
      return `No panel login uses the email address of your ${portal} account. Ask your hosting provider's support for access, or sign in with your panel email and password.`;
    case "sso_unverified":
      return `The email address of your ${portal} account is not verified. Verify it at ${portal}, then try again.`;
    case "sso_no_email":
      return `${portal} did not tell the panel your email address, so it cannot sign you in. Contact your hosting provider's support.`;
    case "sso_expired":
      return `Your sign-in with ${portal} has expired. Start again.`;
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
    case "AccessDenied":
    case "Configuration":
    case "Default":
      return `Signing in with ${portal} did not work. Try again, or sign in with your panel email and password.`;
    default:
      return "The email or password is not correct.";
  }
}

/** Whether `code` (the sign-in page's `error` parameter) is one this page words; others are not shown. */
export function isSignInErrorCode(code: string): boolean {
  return /^(rate_limited(:\d+)?|locked|totp_required|totp_invalid|sso_(locked|unknown|unverified|no_email|expired)|OAuthSignin|OAuthCallback|OAuthCreateAccount|Callback|AccessDenied|Configuration|Default)$/.test(
    code,
  );
}
