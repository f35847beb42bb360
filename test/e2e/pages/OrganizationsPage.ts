import { expect, type Locator, type Page } from '@playwright/test';

/** The Organizations list and one organization's page. */
export class OrganizationsPage {
  readonly root: Locator;
  readonly search: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('orgs-view');
    this.search = page.getByTestId('orgs-search');
    this.rows = page.getByTestId('org-row');
  }

  row(name: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByTestId('org-row-name').filter({ hasText: name }) });
  }

  async open(name: string | RegExp) {
    await this.row(name).first().click();
    await expect(this.page.getByTestId('org-page')).toBeVisible();
  }
}

export class OrganizationPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly current: Locator;
  readonly former: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('org-page');
    this.name = page.getByTestId('org-name');
    this.current = page.getByTestId('org-current');
    this.former = page.getByTestId('org-former');
  }

  member(name: string | RegExp): Locator {
    return this.root.getByTestId('member-row').filter({ has: this.page.getByTestId('member-name').filter({ hasText: name }) });
  }
}
