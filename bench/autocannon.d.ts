// The parts of autocannon 8 the bench uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (request: Request) => Request };
  type Client = { setRequests(requests: Request[]): void; setHeaders(headers: Record<string, string>): void };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { average: number; total: number } };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };
  type Instance = PromiseLike<Result> & {
    on(event: "response", listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): void;
    stop(): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
