import { expect, type Locator, type Page } from '@playwright/test';

/** #/import: the file picker, the format, the preview and the result. */
export class ImportPage {
  readonly root: Locator;
  readonly file: Locator;
  readonly format: Locator;
  readonly preview: Locator;
  readonly commitButton: Locator;
  readonly done: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-view');
    this.file = page.getByTestId('import-file');
    this.format = page.getByTestId('import-format');
    this.preview = page.getByTestId('import-preview');
    this.commitButton = page.getByTestId('import-commit');
    this.done = page.getByTestId('import-done');
    this.error = page.getByTestId('error-notice');
  }

  /** The number on one of the preview's tiles ("new people", "already in Kith", …). */
  count(tile: 'new-people' | 'matched' | 'new-orgs' | 'new-ties' | 'skipped'): Locator {
    return this.preview.getByTestId(`preview-${tile}`).locator('.count-tile-n');
  }

  matches(): Locator {
    return this.preview.getByTestId('preview-match');
  }

  issues(): Locator {
    return this.preview.getByTestId('preview-issue');
  }

  newPeople(): Locator {
    return this.preview.getByTestId('preview-new-person');
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.file.setInputFiles(file);
  }

  async commit() {
    await this.commitButton.click();
    await expect(this.done).toBeVisible();
  }
}
