import { expect, type Locator, type Page } from '@playwright/test';

/** The entry editor dialog (from anywhere: Home, a person's page, the Journal, the palette). */
export class EntryEditor {
  readonly root: Locator;
  readonly body: Locator;
  readonly title: Locator;
  readonly participants: Locator;
  readonly personInput: Locator;
  readonly mentionSuggestions: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('entry-editor');
    this.body = this.root.getByTestId('entry-body');
    this.title = this.root.getByTestId('entry-title');
    this.participants = this.root.getByTestId('entry-participant');
    this.personInput = this.root.getByTestId('entry-person-input');
    this.mentionSuggestions = this.root.getByTestId('mention-suggestions');
  }

  async addPerson(query: string, pick: string | RegExp) {
    await this.personInput.fill(query);
    await this.root.getByTestId('entry-person-input-options').getByRole('option', { name: pick }).first().click();
  }

  /** Types "@query" at the end of the body and picks `pick` from the suggestions with the keyboard. */
  async mention(query: string, pick: string) {
    await this.body.press('End');
    await this.body.pressSequentially(`@${query}`);
    await expect(this.mentionSuggestions.getByRole('option').first()).toHaveText(pick);
    await this.body.press('Enter');
    await expect(this.mentionSuggestions).toHaveCount(0);
  }

  async save() {
    await this.root.getByTestId('save-entry').click();
    await expect(this.root).toBeHidden();
  }
}

/** #/journal: the filtered, virtualized list and the open entry beside it. */
export class JournalPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly detail: Locator;
  readonly entry: Locator;
  readonly renderedBody: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('journal-view');
    this.rows = page.getByTestId('journal-row');
    this.count = page.getByTestId('journal-count');
    this.detail = page.getByTestId('journal-detail');
    this.entry = this.detail.getByTestId('entry-view');
    this.renderedBody = this.detail.getByTestId('entry-body-rendered');
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByTestId('journal-row-title').filter({ hasText: title }) });
  }

  async filterKind(kind: string) {
    await this.root.getByTestId('filter-kind').selectOption(kind);
  }

  async filterPerson(query: string, pick: string | RegExp) {
    await this.root.getByTestId('filter-person').fill(query);
    await this.root.getByTestId('filter-person-options').getByRole('option', { name: pick }).first().click();
  }
}

/** #/home: due and overdue people, follow-ups, thanks, dormant ties, recent entries. */
export class HomePage {
  readonly root: Locator;
  readonly due: Locator;
  readonly followUps: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('home-view');
    this.due = page.getByTestId('home-due-item');
    this.followUps = page.getByTestId('home-followup-item');
    this.recent = page.getByTestId('home-recent-item');
  }

  dueFor(personId: number): Locator {
    return this.page.locator(`[data-testid="home-due-item"][data-person-id="${personId}"]`);
  }
}

/** The journal part of a person's page: cadence, suggestion, balance, timeline. */
export class PersonTimelinePage {
  readonly timeline: Locator;
  readonly items: Locator;
  readonly cadence: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.getByTestId('person-timeline');
    this.items = this.timeline.getByTestId('timeline-item');
    this.cadence = page.getByTestId('keep-in-touch');
  }

  async logEntry(): Promise<EntryEditor> {
    await this.timeline.getByTestId('timeline-log-entry').click();
    const editor = new EntryEditor(this.page);
    await expect(editor.root).toBeVisible();
    return editor;
  }
}
