// Collects check results: one check per (category, subject), e.g. ('axe',
// 'sv/index.html'), passed or failed with the problems found.

export class Results {
  constructor() {
    /** @type {{category: string, subject: string, problems: string[], notes: string[]}[]} */
    this.checks = [];
  }

  /**
   * Records one check. `problems` empty means passed; `notes` are printed
   * but do not fail the check.
   */
  record(category, subject, problems = [], notes = []) {
    this.checks.push({ category, subject, problems: [...problems], notes: [...notes] });
  }

  get passed() {
    return this.checks.filter((c) => c.problems.length === 0).length;
  }

  get failed() {
    return this.checks.filter((c) => c.problems.length > 0).length;
  }

  categories() {
    const order = [];
    for (const c of this.checks) if (!order.includes(c.category)) order.push(c.category);
    return order;
  }

  /** The full report: every failed check with its problems, then a table by category. */
  print(out = process.stdout) {
    const w = (s = '') => out.write(`${s}\n`);
    for (const category of this.categories()) {
      const checks = this.checks.filter((c) => c.category === category);
      const failed = checks.filter((c) => c.problems.length > 0);
      const noted = checks.filter((c) => c.notes.length > 0);
      if (failed.length === 0 && noted.length === 0) continue;
      w();
      w(`== ${category}: ${failed.length} of ${checks.length} failed ==`);
      for (const c of checks) {
        if (c.problems.length === 0 && c.notes.length === 0) continue;
        w(`${c.problems.length ? 'FAIL' : 'note'} ${c.subject}`);
        for (const p of c.problems) w(`  - ${p.replace(/\n/g, '\n    ')}`);
        for (const n of c.notes) w(`  (note) ${n.replace(/\n/g, '\n    ')}`);
      }
    }
    w();
    w('Summary by category:');
    for (const category of this.categories()) {
      const checks = this.checks.filter((c) => c.category === category);
      const failed = checks.filter((c) => c.problems.length > 0).length;
      w(`  ${category.padEnd(14)} ${String(checks.length - failed).padStart(4)} passed ${String(failed).padStart(4)} failed`);
    }
  }

  toJSON() {
    return { passed: this.passed, failed: this.failed, checks: this.checks };
  }
}
