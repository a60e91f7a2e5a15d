import { describe, expect, it } from "vitest";
import { findDomainLoop, findForwardingLoop, loopMessage } from "./loops";

const edge = (source: string, destination: string) => ({ source, destination });

describe("findForwardingLoop", () => {
  it("cycle of length 1: an address to itself", () => {
    expect(findForwardingLoop({ edges: [] }, "a@example.com", "A@Example.com")).toEqual(["a@example.com", "a@example.com"]);
    expect(loopMessage(["a@example.com", "a@example.com"])).toBe("Mail to a@example.com can't be forwarded to itself");
  });

  it("cycle of length 2: A → B when B → A", () => {
    const graph = { edges: [edge("b@example.com", "a@example.com")] };
    expect(findForwardingLoop(graph, "a@example.com", "b@example.com")).toEqual(["a@example.com", "b@example.com", "a@example.com"]);
  });

  it("cycle of length 5 through several domains, with branches that lead nowhere", () => {
    const graph = {
      edges: [
        edge("b@example.com", "c@example.org"),
        edge("b@example.com", "outside@example.net"),
        edge("c@example.org", "d@example.com"),
        edge("d@example.com", "x@example.com"),
        edge("d@example.com", "e@example.org"),
        edge("e@example.org", "a@example.com"),
      ],
    };
    const path = findForwardingLoop(graph, "a@example.com", "b@example.com");
    expect(path).toEqual(["a@example.com", "b@example.com", "c@example.org", "d@example.com", "e@example.org", "a@example.com"]);
    expect(loopMessage(path!)).toBe(
      "Forwarding to b@example.com would send mail in a circle: a@example.com → b@example.com → c@example.org → d@example.com → e@example.org → a@example.com",
    );
  });

  it("no loop: a chain that ends, a cycle that does not pass through the source", () => {
    const graph = { edges: [edge("b@example.com", "c@example.com"), edge("c@example.com", "d@example.com"), edge("d@example.com", "c@example.com")] };
    expect(findForwardingLoop(graph, "a@example.com", "b@example.com")).toBeNull();
  });

  it("follows domain forwarders (all of example.org → example.com)", () => {
    const graph = { edges: [], domainForwarders: [{ sourceDomain: "example.org", destinationDomain: "example.com" }] };
    expect(findForwardingLoop(graph, "info@example.com", "info@example.org")).toEqual(["info@example.com", "info@example.org", "info@example.com"]);
    expect(findForwardingLoop(graph, "info@example.com", "sales@example.org")).toBeNull();
  });
});

describe("findDomainLoop", () => {
  it("finds circles between domain forwarders only", () => {
    const forwarders = [
      { sourceDomain: "b.example", destinationDomain: "c.example" },
      { sourceDomain: "c.example", destinationDomain: "a.example" },
    ];
    expect(findDomainLoop(forwarders, "a.example", "b.example")).toEqual(["a.example", "b.example", "c.example", "a.example"]);
    expect(findDomainLoop(forwarders, "a.example", "d.example")).toBeNull();
  });
});
