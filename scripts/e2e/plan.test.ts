import { describe, expect, it } from "vitest";
import { planShards, secondsPerFile } from "./plan";

describe("planShards", () => {
  it("gives each stack about the same work, longest files first", () => {
    const plan = planShards(["a", "b", "c", "d", "e"], { a: 300, b: 200, c: 150, d: 100, e: 50 }, 2);
    expect(plan).toEqual([
      ["a", "d"],
      ["b", "c", "e"],
    ]);
  });

  it("counts a file with no record as the median, and places every file exactly once", () => {
    const files = ["new", "x", "y", "z"];
    const plan = planShards(files, { x: 10, y: 20, z: 30 }, 3);
    expect(plan.flat().sort()).toEqual([...files].sort());
    expect(plan).toEqual([["z"], ["new", "x"], ["y"]]);
  });

  it("gives the same plan for the same inputs, and refuses a nonsense stack count", () => {
    const files = ["p", "q", "r", "s"];
    expect(planShards(files, {}, 2)).toEqual(planShards([...files].reverse(), {}, 2));
    expect(() => planShards(files, {}, 0)).toThrow(/Shards/);
  });
});

describe("secondsPerFile", () => {
  it("adds up every result of every test per file, nested suites included", () => {
    const report = {
      suites: [
        {
          file: "a.spec.ts",
          specs: [{ tests: [{ results: [{ duration: 1500 }, { duration: 500 }] }] }],
          suites: [{ specs: [{ tests: [{ results: [{ duration: 1000 }] }] }] }],
        },
        { file: "b.spec.ts", specs: [{ tests: [{ results: [{ duration: 250 }] }] }] },
      ],
    };
    expect(secondsPerFile(report)).toEqual({ "a.spec.ts": 3, "b.spec.ts": 0.3 });
  });
});
