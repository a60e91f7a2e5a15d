/**
 * Loop detection over one account's forwarding (issue 5): address forwarders (A → B) and domain forwarders
 * (all of D → E, i.e. x@D → x@E). Isomorphic and pure: the server runs it before every add.
 */
import { domainOf } from "./address";
import { englishCheckWords, type CheckWords } from "./check-words";

export type ForwardingGraph = {
  /** Address forwarders between email addresses, normalised (lower case, punycode). Other kinds end a path. */
  edges: readonly { source: string; destination: string }[];
  /** Domain forwarders of the account. */
  domainForwarders?: readonly { sourceDomain: string; destinationDomain: string }[];
};

function successors(graph: ForwardingGraph) {
  const byAddress = new Map<string, string[]>();
  for (const { source, destination } of graph.edges) {
    const key = source.toLowerCase();
    byAddress.set(key, [...(byAddress.get(key) ?? []), destination.toLowerCase()]);
  }
  const byDomain = new Map((graph.domainForwarders ?? []).map((f) => [f.sourceDomain.toLowerCase(), f.destinationDomain.toLowerCase()]));
  return (address: string): string[] => {
    const next = [...(byAddress.get(address) ?? [])];
    // A domain forwarder is followed too, even when the address has its own forwarder: which of the two Exim
    // applies depends on the server's router order, so a loop that *may* form is refused.
    const domain = byDomain.get(domainOf(address));
    if (domain) next.push(`${address.slice(0, address.lastIndexOf("@"))}@${domain}`);
    return next;
  };
}

/**
 * The circle that adding `source → destination` would close, as the addresses mail would pass through
 * (`[A, B, …, A]`, shortest first), or null when the new forwarder closes no loop.
 */
export function findForwardingLoop(graph: ForwardingGraph, source: string, destination: string): string[] | null {
  const from = source.toLowerCase();
  const to = destination.toLowerCase();
  if (from === to) return [from, from];
  const next = successors(graph);
  const parent = new Map<string, string>([[to, ""]]);
  const queue = [to];
  while (queue.length) {
    const node = queue.shift()!;
    if (node === from) {
      const path = [node];
      for (let at = parent.get(node); at; at = parent.get(at)) path.unshift(at);
      return [from, ...path];
    }
    for (const n of next(node)) {
      if (!parent.has(n)) {
        parent.set(n, node);
        queue.push(n);
      }
    }
  }
  return null;
}

/** The circle a new domain forwarder `sourceDomain → destinationDomain` would close through other domain forwarders, or null. */
export function findDomainLoop(
  domainForwarders: readonly { sourceDomain: string; destinationDomain: string }[],
  sourceDomain: string,
  destinationDomain: string,
): string[] | null {
  const path = findForwardingLoop({ edges: [], domainForwarders }, `x@${sourceDomain}`, `x@${destinationDomain}`);
  return path ? path.map(domainOf) : null;
}

/** The message for a refused loop, the same in the browser and from the server, in `words`' language. */
export function loopMessage(path: readonly string[], words: CheckWords = englishCheckWords): string {
  if (path.length <= 2) return words("toItself", { source: path[0] ?? "" });
  return words("loop", { next: path[1] ?? "", path: path.join(" → ") });
}
