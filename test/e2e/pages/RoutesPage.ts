import { expect, type Locator, type Page } from '@playwright/test';

/** #/routes: the target picker, the ranked route cards, the targets panel and the drafted-request dialog. */
export class RoutesPage {
  readonly root: Locator;
  readonly targetInput: Locator;
  readonly result: Locator;
  readonly message: Locator;
  readonly cards: Locator;
  readonly targets: Locator;
  readonly targetToggle: Locator;
  readonly explainer: Locator;
  readonly dialog: Locator;
  readonly draft: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('routes-view');
    this.targetInput = page.getByTestId('route-target-input');
    this.result = page.getByTestId('routes-result');
    this.message = page.getByTestId('routes-message');
    this.cards = page.getByTestId('route-card');
    this.targets = page.getByTestId('targets-panel');
    this.targetToggle = this.result.getByTestId('target-toggle');
    this.explainer = page.getByTestId('warmth-explainer');
    this.dialog = page.getByTestId('intro-dialog');
    this.draft = this.dialog.getByTestId('intro-message');
  }

  /** Types into the picker and picks the suggestion whose label starts with `label`. */
  async pickTarget(query: string, label: string) {
    await this.targetInput.fill(query);
    await this.page.getByTestId('route-target-input-options').getByRole('option', { name: new RegExp(`^${label}`) }).first().click();
    await expect(this.page.getByTestId('routes-target-name')).toHaveText(label);
  }

  /** The card of the route through exactly these people (me first). */
  card(personIds: readonly number[]): Locator {
    return this.page.locator(`[data-testid="route-card"][data-person-ids="${personIds.join(',')}"]`);
  }

  targetRow(organizationId: number): Locator {
    return this.targets.locator(`[data-testid="target-row"][data-org-id="${organizationId}"]`);
  }
}
