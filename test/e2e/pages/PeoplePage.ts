import { expect, type Locator, type Page } from '@playwright/test';

/** The People list: search, sort, the virtualized rows, and the new-person dialog. */
export class PeoplePage {
  readonly root: Locator;
  readonly search: Locator;
  readonly sort: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('people-view');
    this.search = page.getByTestId('people-search');
    this.sort = page.getByTestId('people-sort');
    this.list = page.getByTestId('people-list');
    this.rows = page.getByTestId('person-row');
    this.count = page.getByTestId('people-count');
    this.empty = page.getByTestId('people-empty');
  }

  row(name: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByTestId('person-row-name').filter({ hasText: name }) });
  }

  rowNames(): Promise<string[]> {
    return this.page.getByTestId('person-row-name').allTextContents();
  }

  selectedRow(): Locator {
    return this.list.locator('[role="option"][aria-selected="true"]');
  }

  async searchFor(text: string) {
    await this.search.fill(text);
  }

  async open(name: string | RegExp) {
    await this.row(name).first().click();
    await expect(this.page.getByTestId('person-page')).toBeVisible();
  }

  async createPerson(fields: { name: string; headline?: string; organization?: string; title?: string; strength?: number }) {
    await this.page.getByTestId('new-person').click();
    const dialog = this.page.getByTestId('new-person-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('new-person-name').fill(fields.name);
    if (fields.headline) await dialog.getByTestId('new-person-headline').fill(fields.headline);
    if (fields.organization) await dialog.getByTestId('new-person-org').fill(fields.organization);
    if (fields.title) await dialog.getByTestId('new-person-title').fill(fields.title);
    if (fields.strength) await dialog.getByTestId('new-person-strength').getByTestId(`strength-${fields.strength}`).click();
    await dialog.getByTestId('create-person').click();
    await expect(dialog).toBeHidden();
  }
}
