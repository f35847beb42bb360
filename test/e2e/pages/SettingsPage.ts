import { expect, type Locator, type Page } from '@playwright/test';

/** #/settings: data folder, import entry, exports, backups and restore. */
export class SettingsPage {
  readonly root: Locator;
  readonly dataDir: Locator;
  readonly backupNow: Locator;
  readonly backupRows: Locator;
  readonly restoreDialog: Locator;
  readonly restoreScheduled: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-view');
    this.dataDir = page.getByTestId('settings-data-dir');
    this.backupNow = page.getByTestId('backup-now');
    this.backupRows = page.getByTestId('backup-row');
    this.restoreDialog = page.getByTestId('restore-dialog');
    this.restoreScheduled = page.getByTestId('restore-scheduled');
  }

  exportButton(format: 'json' | 'csv' | 'vcard' | 'gexf' | 'graphml'): Locator {
    return this.page.getByTestId(`export-${format}`);
  }

  backupsOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid="backup-row"][data-kind="${kind}"]`);
  }

  async restore(row: Locator) {
    await row.getByTestId('backup-restore').click();
    await expect(this.restoreDialog).toBeVisible();
    await this.restoreDialog.getByTestId('restore-confirm').click();
    await expect(this.restoreScheduled).toBeVisible();
  }
}
