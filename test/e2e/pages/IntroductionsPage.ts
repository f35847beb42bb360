import type { Locator, Page } from '@playwright/test';

/** #/introductions: introductions grouped by status, with one-click moves and the new-tie offer. */
export class IntroductionsPage {
  readonly root: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('introductions-view');
    this.cards = page.getByTestId('intro-card');
  }

  card(id: number): Locator {
    return this.page.locator(`[data-testid="intro-card"][data-intro-id="${id}"]`);
  }

  group(status: string): Locator {
    return this.page.locator(`[data-testid="intro-group"][data-status="${status}"]`);
  }
}
