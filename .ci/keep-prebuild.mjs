// better-sqlite3's prebuilt binary cannot be downloaded here (its host is out of reach), so npm ci
// compiles SQLite from source: about 80 s of one CPU, every run. Its install script
// (prebuild-install) looks in npm's prebuild cache before downloading; this keeps the binary npm ci
// has just built there, under the name prebuild-install looks for (the package's version, Node's
// ABI, the platform and architecture), so that the next install of the same version on this
// machine unpacks it instead of compiling. A different version or Node compiles again. Nothing is
// done when the file is there already, or when prebuild-install is not laid out as expected.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

try {
  const dir = path.dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json"));
  const fromPackage = createRequire(path.join(dir, "package.json"));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const options = fromPackage("prebuild-install/rc")(pkg);
  const util = fromPackage("prebuild-install/util");
  const cached = util.cachedPrebuild(util.getDownloadUrl({ ...options, pkg }));
  const binary = path.join("build", "Release", "better_sqlite3.node");
  if (fs.existsSync(cached)) console.log(`better-sqlite3's binary is in npm's prebuild cache: ${cached}`);
  else if (fs.existsSync(path.join(dir, binary))) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.tmp`;
    execFileSync("tar", ["-czf", partial, "-C", dir, binary]);
    fs.renameSync(partial, cached); // whole or not at all: prebuild-install never sees half a file
    console.log(`kept better-sqlite3's binary in npm's prebuild cache for the next install: ${cached}`);
  }
} catch (error) {
  console.log(`better-sqlite3's binary not kept: ${error instanceof Error ? error.message : String(error)}`);
}
