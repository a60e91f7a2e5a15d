import type { RouteSpec } from "@/lib/api/route-spec";
import { hostingAccountsRoute } from "@/lib/api/routes/hosting-accounts";
import { emailAccountsRoute } from "@/lib/api/routes/email-accounts";
import { emailAccountRoute } from "@/lib/api/routes/email-account";
import { passwordRoute } from "@/lib/api/routes/password";
import { forwardersRoute } from "@/lib/api/routes/forwarders";
import { forwarderRoute } from "@/lib/api/routes/forwarder";
import { domainForwardersRoute } from "@/lib/api/routes/domain-forwarders";
import { domainForwarderRoute } from "@/lib/api/routes/domain-forwarder";
import { secureRoute } from "@/lib/api/routes/secure";
import { bulkActionsRoute } from "@/lib/api/routes/bulk-actions";
import { jobCancelRoute, jobResultsCsvRoute, jobRoute } from "@/lib/api/routes/jobs";

/**
 * Every REST route under app/api/v2, one line each: openapi.json is built from this list, and
 * tests/api/openapi.test.ts fails when a route file serves an operation that is not in it.
 */
const routes = [
  hostingAccountsRoute,
  emailAccountsRoute,
  emailAccountRoute,
  passwordRoute,
  forwardersRoute,
  forwarderRoute,
  domainForwardersRoute,
  domainForwarderRoute,
  secureRoute,
  bulkActionsRoute,
  jobRoute,
  jobCancelRoute,
  jobResultsCsvRoute,
];

/** Every registered operation, in the order the document lists them. */
export const registeredOperations: RouteSpec[] = routes.flatMap((route): RouteSpec[] => Object.values(route));
