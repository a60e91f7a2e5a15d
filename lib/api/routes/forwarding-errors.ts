/** The problem codes of the forwarding routes: every read can meet these, every write these and a refused body. */
export const readErrors = ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"] as const;
export const writeErrors = ["invalid_request", ...readErrors] as const;
