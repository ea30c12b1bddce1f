import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's demo installation is kept for the browser tests (e2e/browser.ts makes it on first use). */
    e2eDemoTemplate: string;
  }
}

/** Names the folder of the run's demo installation and removes it, with its lock and any half-made copy, afterwards. */
export default function setup(project: TestProject) {
  const template = join(tmpdir(), `motcua-e2e-demo-${process.pid}-${Date.now()}`);
  project.provide('e2eDemoTemplate', template);
  return () => {
    for (const path of [template, `${template}.lock`, `${template}.building`]) rmSync(path, { recursive: true, force: true });
  };
}
