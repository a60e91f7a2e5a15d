import "server-only";

/** Something the actor may not see, or that does not exist: the two are never told apart (DESIGN §2). */
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

export type UpstreamFailure = "unavailable" | "timeout" | "auth" | "rejected" | "protocol";

/** cPanel could not do what was asked; `message` is safe to show to the user. */
export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "UpstreamError";
  }
}
