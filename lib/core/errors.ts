import "server-only";

/** Errors shared by the domain (lib/mail) and auth: the vocabulary the action boundary and the REST layer map, each in one place. */

/** Something the actor may not see, or that does not exist: the two are never told apart (DESIGN §2). */
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

/** Input the domain refuses; every field's messages, keyed by the input's field name. */
export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = "Some fields need attention.",
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** A password the policy (or cPanel) refuses; `codes` are the rule codes of lib/password. */
export class PasswordTooWeakError extends ValidationError {
  constructor(
    readonly field: string,
    readonly codes: string[],
    messages: string[],
  ) {
    super({ [field]: messages }, "The password does not meet the policy.");
    this.name = "PasswordTooWeakError";
  }
}

/** A staff write without a reason of `minimum` characters for the audit log (lib/core/write-context.ts). */
export class ReasonRequiredError extends ValidationError {
  constructor(readonly minimum: number) {
    super(
      { reason: [`Give a reason of at least ${minimum} characters (a ticket number helps); it goes to the audit log`] },
      "Staff changes need a reason.",
    );
    this.name = "ReasonRequiredError";
  }
}

/** Too many attempts; try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(message ?? `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "RateLimitedError";
  }
}

/** An account the panel cannot manage through cPanel (its server record is missing or unusable). */
export class AccountNotEligibleError extends Error {
  constructor(message = "This hosting account cannot be managed through cPanel from the panel.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AccountNotEligibleError";
  }
}

/** The actor is known but may not do this (an API token without the scope). Ownership failures are NotFoundError. */
export class ForbiddenError extends Error {
  constructor(message = "You may not do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export type UpstreamFailure = "unavailable" | "timeout" | "auth" | "rejected" | "protocol" | "unknown_outcome";

/** cPanel could not do what was asked; `message` is safe to show to the user. */
export class UpstreamError extends Error {
  /** cPanel's own words when cPanel refused, shown as cPanel wrote them (never translated, only marked as cPanel's). */
  readonly cpanelSays?: string;
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    options?: { cause?: unknown; cpanelSays?: string },
  ) {
    super(message, options);
    this.name = "UpstreamError";
    if (options?.cpanelSays !== undefined) this.cpanelSays = options.cpanelSays;
  }
}

/** A save that failed part-way; `report` says what was undone and what is still in effect. */
export class PartialUpdateError extends UpstreamError {
  constructor(
    failure: UpstreamError["failure"],
    message: string,
    readonly report: RollbackReport,
    options?: { cause?: unknown },
  ) {
    super(failure, message, options);
    this.name = "PartialUpdateError";
  }
}

/** What happened to each step of a save that failed part-way. */
export type RollbackReport = {
  /** The step that failed. */
  failed: string;
  /** The failed step may have landed (timeout, dropped connection, 5xx): it was undone too. */
  failedOutcomeUnknown: boolean;
  /** Steps that were applied and then restored. */
  undone: string[];
  /** Steps still in effect, because restoring them failed too. */
  stillApplied: string[];
  /** Steps never sent. */
  notSent: string[];
  /** Effects of undone steps that no undo reverses. */
  lasting: string[];
};
