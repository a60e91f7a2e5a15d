import { z } from "zod";
import { problemStatus, type ProblemCode } from "@/lib/api/problem";
import { problemSchema } from "@/lib/api/schemas";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import type { RouteSpec } from "@/lib/api/route-spec";
import { registeredOperations } from "./routes";

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

function parameters(op: RouteSpec) {
  const path = Object.entries(op.params.shape).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    description: (schema as z.ZodType).description,
    schema: { type: "string" },
  }));
  const query = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: !(schema as z.ZodType).safeParse(undefined).success,
    description: (schema as z.ZodType).description,
    schema: jsonSchema(schema as z.ZodType),
  }));
  const idempotency =
    op.access === "write"
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description: "Replays the first answer for 24 h instead of repeating the change",
            schema: { type: "string" },
          },
        ]
      : [];
  return [...path, ...query, ...idempotency];
}

/** The OpenAPI 3.1 document of the REST API, generated from the registered routes' declarations (./routes.ts). */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of registeredOperations) {
    const responses: Record<string, unknown> = {};
    for (const answer of [op.response, ...(op.otherResponses ?? [])]) {
      responses[answer.status] = {
        description: answer.description,
        content: { [answer.contentType ?? "application/json"]: { schema: jsonSchema(answer.schema) } },
      };
    }
    // Every operation with a body refuses one over the size limit (lib/api/route.ts), so none has to say so itself.
    const errors: readonly ProblemCode[] = op.body && !op.errors.includes("payload_too_large") ? [...op.errors, "payload_too_large"] : op.errors;
    for (const code of errors) {
      const status = String(problemStatus[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      security: [{ bearer: [op.access === "read" ? READ_SCOPE : WRITE_SCOPE] }, { session: [] }],
      parameters: parameters(op),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mailroom API",
      version: "2.0.0",
      description: "Manage the mailboxes of your cPanel hosting accounts. Errors are RFC 9457 problem+json with a stable `code` and the `requestId`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema) },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: `API token from Settings → API tokens; scopes ${READ_SCOPE}, ${WRITE_SCOPE}` },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A signed-in browser session (every scope)" },
      },
    },
  };
}
