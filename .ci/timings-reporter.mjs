// Where a test run's time goes, per test file: collect (importing the file and what it imports,
// the schema and TypeORM included), the tests and their hooks (migrating and seeding in beforeAll),
// and the tests alone. Written as JSON to the file named by TIMINGS_FILE (default .ci/timings.json)
// and summed at the end; CI prints the summary (the default reporter's line sums only tests).
import fs from "node:fs";

export default class TimingsReporter {
  rows = [];
  started = Date.now();

  onTestModuleEnd(module) {
    const d = module.diagnostic();
    let tests = 0;
    for (const t of module.children.allTests()) tests += t.diagnostic()?.duration ?? 0;
    this.rows.push({
      file: module.moduleId.replace(/^.*\/test\//, "test/"),
      prepare: d.prepareDuration,
      collect: d.collectDuration,
      hooksAndTests: d.duration,
      tests,
      total: d.prepareDuration + d.collectDuration + d.duration,
    });
  }

  onTestRunEnd() {
    const rows = this.rows.sort((a, b) => b.total - a.total);
    const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
    const s = (ms) => (ms / 1000).toFixed(1);
    const summary = {
      wall: Date.now() - this.started,
      files: rows.length,
      prepare: sum("prepare"),
      collect: sum("collect"),
      hooks: sum("hooksAndTests") - sum("tests"),
      tests: sum("tests"),
      total: sum("total"),
    };
    fs.writeFileSync(process.env.TIMINGS_FILE ?? ".ci/timings.json", JSON.stringify({ summary, rows }, null, 1));
    console.log(
      `timings: wall ${s(summary.wall)} s; summed over ${rows.length} files ${s(summary.total)} s = ` +
        `collect ${s(summary.collect)} + hooks ${s(summary.hooks)} + tests ${s(summary.tests)} + prepare ${s(summary.prepare)}`,
    );
    for (const r of rows.slice(0, 12))
      console.log(
        `  ${s(r.total).padStart(6)} s  ${r.file} (collect ${s(r.collect)}, hooks ${s(r.hooksAndTests - r.tests)}, tests ${s(r.tests)})`,
      );
  }
}
