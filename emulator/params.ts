import { ApiError, texts } from "./errors";

/** Request parameters: GET query merged with a form-encoded POST body (body wins, as cpsrvd does). */
export class Params {
  constructor(private readonly values: Map<string, string>) {}

  static from(query: URLSearchParams, body?: URLSearchParams): Params {
    const values = new Map<string, string>();
    for (const [k, v] of query) values.set(k, v);
    if (body) for (const [k, v] of body) values.set(k, v);
    return new Params(values);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  /** A required UAPI argument: missing or empty → `Provide the “x” argument.` (Cpanel/Args.pm). */
  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined || value === "") throw new ApiError(texts.missingArgument(name));
    return value;
  }
  /** A required WHM parameter: missing or empty → `Provide the “x” parameter.` */
  requireWhm(name: string): string {
    const value = this.values.get(name);
    if (value === undefined || value === "") throw new ApiError(texts.missingParameter(name));
    return value;
  }
  /** cPanel booleans are 1/0; the APIs do not accept literal `true`/`false` (a non-number counts as 0). */
  flag(name: string): boolean {
    const v = this.values.get(name)?.trim();
    return v !== undefined && /^\d+$/.test(v) && Number(v) !== 0;
  }
  int(name: string, fallback?: number): number | undefined {
    const v = this.values.get(name);
    if (v === undefined || v === "") return fallback;
    if (!/^-?\d+$/.test(v.trim())) throw new ApiError(texts.invalidInteger(name, v));
    return Number(v.trim());
  }
  /** Parameters other than the `cpanel_jsonapi_*`/`api.*` ones. */
  without(prefixes: string[]): Params {
    const values = new Map<string, string>();
    for (const [k, v] of this.values) if (!prefixes.some((p) => k.startsWith(p))) values.set(k, v);
    return new Params(values);
  }
}
