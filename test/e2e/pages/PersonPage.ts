import { expect, type Locator, type Page } from '@playwright/test';

/** One person's page: profile, my tie with them, work history and their ties. */
export class PersonPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly headline: Locator;
  readonly myTie: Locator;
  readonly form: Locator;
  readonly affiliations: Locator;
  readonly ties: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('person-page');
    this.name = page.getByTestId('person-name');
    this.headline = page.getByTestId('person-headline');
    this.myTie = page.getByTestId('my-tie');
    this.form = page.getByTestId('person-form');
    this.affiliations = page.getByTestId('affiliations');
    this.ties = page.getByTestId('ties');
  }

  async id(): Promise<number> {
    return Number(await this.root.getAttribute('data-person-id'));
  }

  field(name: string): Locator {
    return this.form.getByTestId(`field-${name}`);
  }

  async startEditing() {
    await this.page.getByTestId('edit-person').click();
    await expect(this.form).toBeVisible();
  }

  async save() {
    await this.form.getByTestId('save-person').click();
  }

  async setMyTie(strength: number) {
    await this.myTie.getByTestId(`strength-${strength}`).click();
    await expect(this.myTie).toHaveAttribute('data-strength', String(strength));
  }

  tieRow(otherName: string | RegExp): Locator {
    return this.ties.getByTestId('tie-row').filter({ has: this.page.getByTestId('tie-name').filter({ hasText: otherName }) });
  }

  async addTie(query: string, pick: string | RegExp, strength: number, context?: string) {
    await this.ties.getByTestId('add-tie').click();
    const form = this.page.getByTestId('add-tie-form');
    await form.getByTestId('tie-person-input').fill(query);
    await form.getByRole('option', { name: pick }).first().click();
    await form.getByTestId('new-tie-strength').getByTestId(`strength-${strength}`).click();
    if (context) await form.getByTestId('tie-context-new').fill(context);
    await form.getByTestId('save-tie').click();
    await expect(form).toBeHidden();
  }

  async addAffiliation(fields: { organization: string; title?: string; start?: string; end?: string; hiringManager?: boolean; pick?: string }) {
    await this.affiliations.getByTestId('add-affiliation').click();
    const form = this.page.getByTestId('affiliation-form');
    await form.getByTestId('affiliation-org-input').fill(fields.organization);
    if (fields.pick) await form.getByRole('option', { name: new RegExp(`^${fields.pick}`) }).click();
    if (fields.title) await form.getByTestId('affiliation-title-input').fill(fields.title);
    if (fields.start) await form.getByTestId('affiliation-start').fill(fields.start);
    if (fields.end) await form.getByTestId('affiliation-end').fill(fields.end);
    if (fields.hiringManager) await form.getByTestId('affiliation-hiring').check();
    await form.getByTestId('save-affiliation').click();
    return form;
  }
}
