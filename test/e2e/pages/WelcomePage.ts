import { expect, type Locator, type Page } from '@playwright/test';

export class WelcomePage {
  readonly root: Locator;
  readonly name: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('welcome');
    this.name = page.getByTestId('welcome-name');
  }

  async loadSample(myName: string) {
    await this.name.fill(myName);
    await this.page.getByTestId('welcome-sample').click();
    await expect(this.page.getByTestId('people-view')).toBeVisible({ timeout: 15_000 });
  }

  async startEmpty(myName: string) {
    await this.name.fill(myName);
    await this.page.getByTestId('welcome-empty').click();
    await expect(this.page.getByTestId('people-view')).toBeVisible();
  }
}
