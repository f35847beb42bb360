import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every view: sidebar navigation and the command palette. */
export class Shell {
  readonly sidebar: Locator;
  readonly palette: Locator;
  readonly paletteInput: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByTestId('sidebar');
    this.palette = page.getByTestId('palette');
    this.paletteInput = page.getByTestId('palette-input');
  }

  async goPeople() {
    await this.page.getByTestId('nav-people').click();
    await expect(this.page.getByTestId('people-view')).toBeVisible();
  }

  async goOrganizations() {
    await this.page.getByTestId('nav-orgs').click();
    await expect(this.page.getByTestId('orgs-view')).toBeVisible();
  }

  async goMe() {
    await this.page.getByTestId('nav-me').click();
    await expect(this.page.getByTestId('person-page')).toBeVisible();
  }

  async openPalette() {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.paletteInput).toBeFocused();
  }

  paletteItem(text: string | RegExp, kind?: 'person' | 'organization' | 'action'): Locator {
    const items = kind ? this.palette.locator(`[data-testid="palette-item"][data-kind="${kind}"]`) : this.palette.getByTestId('palette-item');
    return items.filter({ hasText: text });
  }

  /** Types into the palette and runs the item showing `text`. */
  async jump(query: string, text: string | RegExp, kind?: 'person' | 'organization' | 'action') {
    await this.openPalette();
    await this.paletteInput.fill(query);
    await this.paletteItem(text, kind).first().click();
    await expect(this.palette).toBeHidden();
  }
}
