import { openApiDocument } from "@/lib/api/openapi/document";

/** GET /api/v2/openapi.json — the REST API's OpenAPI document. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
