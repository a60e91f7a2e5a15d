import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// Every locale has every message English has (and no other), with the same {placeholders}; every English message
// is used somewhere in the code. Adding a locale = adding messages/<code>.json and its code to LOCALES.

const root = join(import.meta.dirname, "..", "..");
const messagesDir = join(root, "messages");

type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(join(messagesDir, `${locale}.json`), "utf8")) as Tree;
}

/** Every message as "Namespace.path.to.key" → text. */
function flatten(tree: Tree, prefix: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set([...prefix, key].join("."), value);
    else for (const [k, v] of flatten(value, [...prefix, key])) out.set(k, v);
  }
  return out;
}

/** The names of a message's arguments ({name}, {count, plural, …}) and rich-text tags (<code>…</code>). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  // A plural or select branch ("one {is}") is text, not an argument.
  for (const match of message.matchAll(/(?<!(?:zero|one|two|few|many|other|yes|no|=\d+)\s?)\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(match[1]!);
  for (const match of message.matchAll(/<([a-z]+)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const english = flatten(load(DEFAULT_LOCALE));

describe("messages", () => {
  it("has one file per locale in LOCALES, and a locale for every file", () => {
    const files = readdirSync(messagesDir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => name.replace(/\.json$/, ""))
      .sort();
    expect(files).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`${locale} has exactly English's keys, each with the same arguments`, () => {
      const translated = flatten(load(locale));
      const missing = [...english.keys()].filter((key) => !translated.has(key));
      const extra = [...translated.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      const mismatched = [...english]
        .filter(([key, text]) => argumentsOf(text).join() !== argumentsOf(translated.get(key)!).join())
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
      const empty = [...translated].filter(([, text]) => !text.trim()).map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }

  it("uses every English message somewhere in the code", () => {
    const files = ["app", "components", "lib", "i18n"].flatMap((dir) => sourceFiles(join(root, dir)));
    const code = files.map((file) => readFileSync(file, "utf8")).join("\n");
    const quoted = (text: string) => code.includes(`"${text}"`) || code.includes(`'${text}'`);
    const unused = [...english.keys()].filter((key) => {
      const [namespace, ...path] = key.split(".");
      if (!quoted(namespace!)) return true;
      // t("a.b"), or the last step alone where the code names the namespace's sub-tree (a prop, a key union)…
      if (quoted(path.join(".")) || quoted(path.at(-1)!)) return false;
      // …or a key built at run time: t(`labels.${code}`), t(`kinds.${kind}.label`).
      return !path.slice(0, -1).some((_, i) => code.includes(`\`${path.slice(0, i + 1).join(".")}.\${`));
    });
    expect(unused, `unused keys in messages/en.json (files: ${files.map((f) => relative(root, f)).length})`).toEqual([]);
  });
});
