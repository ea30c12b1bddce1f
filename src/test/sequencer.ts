import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, started first so that they do not end a run alone on one worker: the browser tests
 * (the accessibility run is split in small files, which vitest would otherwise start last, as it starts larger files
 * first when it has no timings of an earlier run — as in CI's clean clone), the CLI's child processes, the
 * authorization matrix and the robustness battery.
 */
const SLOW_FIRST = [/^e2e\//, /^src\/cli\.test\.ts$/, /^src\/test\/authorization-matrix\.test\.ts$/, /^src\/test\/robustness\//];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const path = relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/');
      const index = SLOW_FIRST.findIndex((pattern) => pattern.test(path));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    // Array.prototype.sort is stable: within a rank, the order vitest chose stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
