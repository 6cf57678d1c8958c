// Issue 11: the domain services and the access gate take an Actor (src/authz/actor.ts), not the
// GraphQL request context: nothing under src/domain or src/authz imports from src/graphql (the
// resolvers, the loaders, the request context) or from the old src/context.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file names: static imports and re-exports, side-effect imports, import() and require(). */
function importedSpecifiers(code: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

/** The imports of `file` that reach into the GraphQL layer (src/graphql/*, src/context). */
function forbiddenImports(file: string, code: string): string[] {
  return importedSpecifiers(code).filter((specifier) => {
    if (!specifier.startsWith(".")) return false; // packages, "graphql" among them, are not our layer
    const target = path
      .relative(SRC, path.resolve(path.dirname(file), specifier))
      .split(path.sep)
      .join("/");
    return target === "graphql" || target.startsWith("graphql/") || /^context(\.[jt]s)?$/.test(target);
  });
}

describe("layers", () => {
  test("the detector sees every form of import", () => {
    const file = path.join(SRC, "domain", "x", "y.ts");
    const code = [
      `import type { RequestContext } from "../../context";`,
      `import {\n  createLoaders,\n  type Loaders,\n} from "../../graphql/loaders";`,
      `export * from "../../graphql/ids";`,
      `import "../../graphql/schema";`,
      `const m = await import("../../graphql/context");`,
      `const r = require("../../context.ts");`,
      `import { GraphQLError } from "graphql";`,
      `import type { Actor } from "../../authz/actor";`,
      `import { graphqlName } from "./graphql-names";`,
    ].join("\n");
    expect(forbiddenImports(file, code)).toEqual([
      "../../context",
      "../../graphql/loaders",
      "../../graphql/ids",
      "../../graphql/schema",
      "../../graphql/context",
      "../../context.ts",
    ]);
  });

  test("src/domain and src/authz import nothing from src/graphql or src/context", () => {
    const files = [...sourceFiles(path.join(SRC, "domain")), ...sourceFiles(path.join(SRC, "authz"))];
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((file) =>
      forbiddenImports(file, readFileSync(file, "utf8")).map(
        (specifier) => `${path.relative(ROOT, file)} imports ${specifier}`,
      ),
    );
    expect(offences).toEqual([]);
  });
});
