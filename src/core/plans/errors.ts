/** A file the plan importer cannot read; `message` is Vietnamese, for the person who chose the file. */
export class PlanImportError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'unreadable' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'PlanImportError';
  }
}
