import type { z } from "zod";
import type { ProblemCode } from "@/lib/api/problem";

/** One REST operation as the OpenAPI document describes it, built from the same zod schemas the route validates with. */
export type ApiOperation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/v2/shared-hosting/{accountId}/email-accounts. */
  path: string;
  summary: string;
  description?: string;
  access: "read" | "write";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  errors: ProblemCode[];
};
