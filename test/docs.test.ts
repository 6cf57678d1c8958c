// The repository stands alone: every rule id it cites (R1...) is defined in docs/rules.md, and what
// docs/rules.md says about the code and the tests is true (the files, functions and tests it names
// exist). Reads only files of the repository; needs no server and no database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const RULES_FILE = "docs/rules.md";
const DOCS = [RULES_FILE, "docs/fixtures.md"];
/** Where rule ids are cited. */
const CITING = ["src", "test", "bench", "scripts", "seeds", "docs", "README.md", "schema/schema.graphql"];
const TEXT_FILE = /\.(ts|mts|mjs|cjs|js|json|md|graphql|sh|sql)$/;
/** Generated or local directories, absent from a clone. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "data", "results"]);
const RULE_ID = /\bR\d{1,2}\b/g;
/** A backticked repository path, as docs/rules.md cites code and tests. */
const REPO_PATH = /^(src|test|docs|seeds|schema|scripts|bench)\/[\w./-]+$/;
/** A test name as the tests write them: rule ids, a colon, what is proven. */
const TEST_NAME = /^(R\d{1,2}(?:, R\d{1,2})*): /;

const read = (file: string) => fs.readFileSync(file, "utf8");

function textFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return [entry];
  return fs.readdirSync(entry, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(entry, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : textFiles(full);
    return TEXT_FILE.test(e.name) ? [full] : [];
  });
}

/** The markdown split at its headings: heading line and the text under it. */
function sections(markdown: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  for (const line of markdown.split("\n")) {
    if (/^#{1,6} /.test(line)) out.push({ heading: line, body: "" });
    else if (out.length) out[out.length - 1].body += line + "\n";
  }
  return out;
}

const backticked = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

const rules = read(RULES_FILE);
/** Rule id -> the text under its heading (`### R12: ...`). */
const ruleSections = new Map(
  sections(rules).flatMap(({ heading, body }) => {
    const m = /^###\s+(R\d{1,2}):/.exec(heading);
    return m ? [[m[1], body] as const] : [];
  }),
);
/** Lines `- \`test/x.test.ts\`: \`R12: ...\`` of docs/rules.md: a test file and the name of a test in it. */
const citedTests = [...rules.matchAll(/^- `(test\/[^`]+)`: `([^`]+)`\s*$/gm)].map((m) => ({ file: m[1], name: m[2] }));

describe("docs/rules.md", () => {
  test("every rule id the repository cites is defined in docs/rules.md", () => {
    expect(ruleSections.size).toBeGreaterThanOrEqual(30);
    const undefinedIds = new Map<string, string[]>();
    for (const file of CITING.flatMap(textFiles)) {
      for (const [id] of read(file).matchAll(RULE_ID)) {
        if (!ruleSections.has(id)) undefinedIds.set(id, [...(undefinedIds.get(id) ?? []), file]);
      }
    }
    const report = [...undefinedIds].map(([id, where]) => `${id} (cited in ${[...new Set(where)].join(", ")})`);
    expect(report, "rule ids cited but not defined as a heading of docs/rules.md").toEqual([]);
  });

  test("every rule of docs/rules.md names a test that exists", () => {
    const problems: string[] = [];
    for (const { file, name } of citedTests) {
      if (!TEST_NAME.test(name)) problems.push(`${file}: "${name}" does not start with rule ids`);
      else if (!fs.existsSync(file)) problems.push(`${file} does not exist`);
      else if (!['"', "'", "`"].some((q) => read(file).includes(q + name + q)))
        problems.push(`${file} has no test named "${name}"`);
    }
    for (const [id, body] of ruleSections) {
      const proving = citedTests.filter(
        (t) => body.includes(`\`${t.name}\``) && TEST_NAME.exec(t.name)?.[1].split(", ").includes(id),
      );
      if (!/\*\*Code:\*\*/.test(body)) problems.push(`${id} says nothing of its **Code:**`);
      if (!proving.length) problems.push(`${id} names no test whose name starts with ${id}`);
    }
    expect(problems).toEqual([]);
  });

  test("docs/rules.md points only at files that exist, and at functions those files hold", () => {
    const problems: string[] = [];
    for (const doc of DOCS.filter((d) => fs.existsSync(d))) {
      for (const token of backticked(read(doc)))
        if (REPO_PATH.test(token) && !fs.existsSync(token)) problems.push(`${doc}: ${token} does not exist`);
    }
    // In a **Code:** paragraph, each name follows the file that holds it.
    for (const [, paragraph] of rules.matchAll(/\*\*Code:\*\*([\s\S]*?)(?:\n\s*\n|$)/g)) {
      let file: string | null = null;
      for (const token of backticked(paragraph)) {
        if (REPO_PATH.test(token)) file = token;
        else if (/^[A-Za-z_$][\w$]*$/.test(token) && file && fs.existsSync(file)) {
          if (!new RegExp(`\\b${token.replace(/\$/g, "\\$")}\\b`).test(read(file)))
            problems.push(`${file} has no ${token}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the README, the docs, the schema and the code point inside the repository", () => {
    const outside = /\.\.\/shared|\bDOMAIN\.md\b|\bAPI\.md\b/;
    const offenders = CITING.flatMap(textFiles).filter((file) => outside.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
